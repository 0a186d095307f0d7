package dev.tandem.simulations.cluster;

/** What every simulated engine has: identity, life cycle and GPU accounting times. */
public abstract class Engine {

  /** Unique within its role, in order of request. */
  public final int index;

  public final int gpus;
  public final long requestedMicros;
  EngineState state = EngineState.STARTING;
  long goneMicros = -1;

  Engine(int index, int gpus, long requestedMicros) {
    this.index = index;
    this.gpus = gpus;
    this.requestedMicros = requestedMicros;
  }

  public EngineState state() {
    return state;
  }

  /** True when the engine holds no request (queued or in service). */
  public abstract boolean isIdle();

  /** The router's load measure: smaller is less loaded. */
  public abstract long load();
}
