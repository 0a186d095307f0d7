package dev.tandem.simulations.cluster;

/** What every simulated engine has: identity, life cycle and GPU accounting times. */
public abstract class Engine {

  /** Unique within its role, in order of request. */
  public final int index;

  public final int gpus;
  public final long requestedMicros;
  EngineState state = EngineState.STARTING;
  long goneMicros = -1;

  /** The router's index this engine is in, or null (not added yet, gone, or a standalone test). */
  LeastLoadedIndex<?> leastLoaded;

  /** This engine's slot in {@link #leastLoaded}; -1 when not indexed. */
  int slot = -1;

  Engine(int index, int gpus, long requestedMicros) {
    this.index = index;
    this.gpus = gpus;
    this.requestedMicros = requestedMicros;
  }

  public EngineState state() {
    return state;
  }

  /** Moves to {@code next} and tells the router's index. */
  void moveTo(EngineState next) {
    state = next;
    loadChanged();
  }

  /**
   * Tells the router's index that {@link #load()} or the state may have changed. Every mutator that
   * can change either calls it before returning (see {@link LeastLoadedIndex}).
   */
  final void loadChanged() {
    if (leastLoaded != null) {
      leastLoaded.update(this);
    }
  }

  /** True when the engine holds no request (queued or in service). */
  public abstract boolean isIdle();

  /** The router's load measure: smaller is less loaded. */
  public abstract long load();
}
