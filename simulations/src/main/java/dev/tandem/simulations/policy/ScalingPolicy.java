package dev.tandem.simulations.policy;

/**
 * The seam every autoscaler plugs into the simulator through. Every {@link #intervalMicros()} of
 * simulated time the simulator builds a {@link ClusterObservation} over {@link #windowMicros()} and
 * applies the {@link ReplicaTargets} returned (new engines are ready after the start-up time;
 * removed ones drain).
 *
 * <p>A policy sees only the observation: it cannot reach into the simulator, so the same decision
 * code runs unchanged against real metrics. Tandem's planner plugs in as an implementation that
 * turns the observation into a {@code MetricsSnapshot} and replica states for its {@code
 * ControlLoop} (a simulated {@code MetricsSource} / {@code ReplicaStateReader}) and reads the plan
 * its {@code ScaleActuator} received.
 *
 * <p>Policies may keep state between decisions (a forecaster's history, HPA's recommendations), so
 * use one fresh instance per run.
 */
public interface ScalingPolicy {

  /** Name in reports, e.g. {@code static-2p2d}. */
  String name();

  /** Time between two decisions, µs (&gt; 0); the first decision is at this time. */
  long intervalMicros();

  /** Length of the observation window the policy wants, µs (&gt; 0). */
  long windowMicros();

  /** Engines ready at time 0. */
  ReplicaTargets initial();

  /** The engine counts wanted after seeing {@code observation}. */
  ReplicaTargets decide(ClusterObservation observation);
}
