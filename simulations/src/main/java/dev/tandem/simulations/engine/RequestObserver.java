package dev.tandem.simulations.engine;

import dev.tandem.simulations.cluster.SimRequest;

/**
 * Told about every request when it completes (timestamps filled in): per-request traces, tests.
 * Must not modify the request.
 */
@FunctionalInterface
public interface RequestObserver {

  RequestObserver NONE = r -> {};

  void completed(SimRequest request);
}
