package dev.tandem.simulations.policy.oracle;

import dev.tandem.simulations.policy.ClusterObservation;
import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.policy.ScalingPolicy;

/**
 * A fixed per-interval schedule of engine counts, followed with engines requested one start-up time
 * ahead: interval k (of {@code intervalMicros}, from time 0) is to have {@code prefill[k]} and
 * {@code decode[k]} engines serving. A decision at the start of interval j (every interval) sets
 * each role to the largest count over the intervals overlapping {@code [t, t + interval +
 * startup)}: engines requested now are ready when the later intervals begin, and engines kept now
 * carry the current interval. It reads nothing from the observation.
 */
public final class SchedulePolicy implements ScalingPolicy {

  private final String name;
  private final int[] prefill;
  private final int[] decode;
  private final long intervalMicros;
  private final long startupMicros;

  public SchedulePolicy(
      String name, int[] prefill, int[] decode, long intervalMicros, long startupMicros) {
    if (prefill.length != decode.length || prefill.length == 0) {
      throw new IllegalArgumentException(
          "need one prefill and one decode count per interval, got "
              + prefill.length
              + " and "
              + decode.length);
    }
    if (intervalMicros <= 0 || startupMicros < 0) {
      throw new IllegalArgumentException(
          "need interval > 0 and start-up >= 0 µs, got " + intervalMicros + ", " + startupMicros);
    }
    this.name = name;
    this.prefill = prefill.clone();
    this.decode = decode.clone();
    this.intervalMicros = intervalMicros;
    this.startupMicros = startupMicros;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long intervalMicros() {
    return intervalMicros;
  }

  @Override
  public long windowMicros() {
    return intervalMicros;
  }

  @Override
  public ReplicaTargets initial() {
    return over(0);
  }

  @Override
  public ReplicaTargets decide(ClusterObservation observation) {
    return over(observation.timeMicros());
  }

  /** Largest count per role over the intervals overlapping [t, t + interval + startup). */
  public ReplicaTargets over(long t) {
    int from = (int) Math.min(prefill.length - 1, t / intervalMicros);
    long end = t + intervalMicros + startupMicros;
    int to = (int) Math.min(prefill.length, (end + intervalMicros - 1) / intervalMicros);
    return largest(prefill, decode, from, Math.max(to, from + 1));
  }

  /** The largest count per role over {@code [from, to)}, at least 1 each. */
  static ReplicaTargets largest(int[] prefill, int[] decode, int from, int to) {
    int p = 1;
    int d = 1;
    for (int k = from; k < to; k++) {
      p = Math.max(p, prefill[k]);
      d = Math.max(d, decode[k]);
    }
    return new ReplicaTargets(p, d);
  }
}
