package dev.tandem.simulations.cluster;

/** Life cycle of a simulated engine. GPU time is counted in every state but {@link #GONE}. */
public enum EngineState {
  /** Requested, not yet serving: becomes ready at request time + start-up time. */
  STARTING,
  /** Serving; the router may send it work. */
  READY,
  /** Removed by a scale-down: takes no new work, finishes what it holds, then is gone. */
  DRAINING,
  /** Released: no GPU time from here on. */
  GONE
}
