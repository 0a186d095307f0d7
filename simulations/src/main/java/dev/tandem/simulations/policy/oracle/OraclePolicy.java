package dev.tandem.simulations.policy.oracle;

import dev.tandem.simulations.policy.ClusterObservation;
import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.policy.ScalingPolicy;
import java.util.Locale;

/**
 * The clairvoyant policy: it knows every future arrival ({@link LoadOutlook}) and the engines' true
 * speed ({@link OracleSizing}), and requests engines one start-up time ahead.
 *
 * <p>Each bin k of the outlook gets the counts {@code need_k} that {@link OracleSizing} gives at
 * utilisations (ρ_p, ρ_d). A decision at t (every {@code interval}) sets each role to the largest
 * need over the bins overlapping {@code [t, t + interval + startup)}: engines requested now are
 * ready at t + startup and must carry the load until the next decision's engines are ready, and
 * engines kept now must cover every bin until then. The engines warm at time 0 cover {@code [0,
 * interval + startup)}. It ignores the observation: its only input is hindsight.
 */
public final class OraclePolicy implements ScalingPolicy {

  private final long intervalMicros;
  private final long startupMicros;
  private final long binMicros;
  private final int[] prefill;
  private final int[] decode;
  private final String name;

  public OraclePolicy(
      LoadOutlook outlook,
      OracleSizing sizing,
      long startupMicros,
      long intervalMicros,
      double prefillUtilisation,
      double decodeUtilisation) {
    if (!(prefillUtilisation > 0 && prefillUtilisation <= 1.5)
        || !(decodeUtilisation > 0 && decodeUtilisation <= 1.5)) {
      throw new IllegalArgumentException(
          "utilisations must be in (0, 1.5], got " + prefillUtilisation + ", " + decodeUtilisation);
    }
    this.intervalMicros = intervalMicros;
    this.startupMicros = startupMicros;
    this.binMicros = outlook.binMicros();
    double seconds = binMicros / 1e6;
    int n = outlook.bins();
    this.prefill = new int[n];
    this.decode = new int[n];
    for (int b = 0; b < n; b++) {
      ReplicaTargets need =
          sizing.size(
              seconds,
              outlook.inputTokens(b),
              outlook.decodeTokens(b),
              outlook.meanContextTokens(b),
              outlook.kvTokenSteps(b),
              prefillUtilisation,
              decodeUtilisation);
      prefill[b] = need.prefill();
      decode[b] = need.decode();
    }
    this.name =
        prefillUtilisation == decodeUtilisation
            ? String.format(Locale.ROOT, "oracle-u%.2f", prefillUtilisation)
            : String.format(
                Locale.ROOT, "oracle-u%.2f-%.2f", prefillUtilisation, decodeUtilisation);
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
    return needOver(0);
  }

  @Override
  public ReplicaTargets decide(ClusterObservation observation) {
    return needOver(observation.timeMicros());
  }

  /** Largest need per role over the bins overlapping [t, t + interval + startup). */
  public ReplicaTargets needOver(long t) {
    return needBetween(t, t + intervalMicros + startupMicros);
  }

  /** Largest need per role over the bins overlapping [from, end) µs (at least 1 each). */
  public ReplicaTargets needBetween(long t, long end) {
    int from = (int) (t / binMicros);
    int to = (int) Math.min(prefill.length, (end + binMicros - 1) / binMicros);
    return SchedulePolicy.largest(prefill, decode, from, to);
  }
}
