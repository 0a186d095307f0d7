package dev.tandem.simulations.export;

import dev.tandem.simulations.cluster.SimRequest;

/**
 * One stack's metric families, fed by the exporter. Times are seconds of simulated time; the
 * request's timestamps are filled in as far as its life has got.
 */
interface EngineMetrics {

  void arrived(SimRequest r);

  void firstToken(SimRequest r, double ttftSeconds);

  /**
   * @param itlSeconds the request's mean inter-token gap, NaN with fewer than two output tokens
   */
  void completed(SimRequest r, double e2eSeconds, double itlSeconds);

  /** KV-cache usage of the decode engines, in [0, 1]. */
  void kvUsage(double fraction);
}
