package dev.tandem.profiles.check;

import static dev.tandem.profiles.interpolation.Numbers.compact;

import dev.tandem.profiles.model.DecodePoint;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.profiles.model.PrefillPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Stored per-GPU throughput against the throughput the latencies imply.
 *
 * <ul>
 *   <li>Prefill (batch 1): stored must equal {@code ISL / (TTFT/1000) / gpusPerEngine} within
 *       {@value #PREFILL_TOLERANCE} relative, else ERROR; the message gives the GPU count the
 *       stored value implies ({@code ISL / (TTFT/1000) / stored}), which exposes a wrong divisor.
 *   <li>Decode: a batch of {@code n} sequences at ITL {@code t} emits at most {@code n / (t/1000)}
 *       tokens/s per engine. Stored above {@value #DECODE_ABOVE}× that is impossible (ERROR, per
 *       point). Stored below {@value #DECODE_BELOW}× is common in Dynamo data (the benchmark's wall
 *       time includes prefill, or the engine queued part of the batch) and is one aggregated
 *       WARNING: capacity queries use {@code concurrency / ITL}, not the stored value.
 * </ul>
 */
public final class ThroughputChecks {

  static final double PREFILL_TOLERANCE = 0.02;
  static final double DECODE_ABOVE = 1.10;
  static final double DECODE_BELOW = 0.80;

  private ThroughputChecks() {}

  public static List<Finding> prefill(PerformanceProfile profile) {
    List<Finding> findings = new ArrayList<>();
    int gpus = profile.engine().gpusPerEngine();
    List<PrefillPoint> points = profile.prefill();
    for (int i = 0; i < points.size(); i++) {
      PrefillPoint p = points.get(i);
      double implied = p.impliedTokensPerSecondPerGpu(gpus);
      double ratio = p.tokensPerSecondPerGpu() / implied;
      if (Math.abs(ratio - 1) > PREFILL_TOLERANCE) {
        double divisor = p.inputTokens() / (p.ttftMillis() / 1000.0) / p.tokensPerSecondPerGpu();
        findings.add(
            new Finding(
                Severity.ERROR,
                "prefill-throughput",
                profile.metadata().name() + " prefill[" + i + "] isl=" + p.inputTokens(),
                "stores "
                    + compact(p.tokensPerSecondPerGpu())
                    + " tokens/s/GPU but ISL / TTFT / GPUs = "
                    + p.inputTokens()
                    + " / "
                    + compact(p.ttftMillis() / 1000.0)
                    + " s / "
                    + gpus
                    + " = "
                    + compact(implied)
                    + " ("
                    + compact(ratio)
                    + "×); the stored value implies "
                    + compact(divisor)
                    + " GPUs per engine, the engine has "
                    + gpus));
      }
    }
    return findings;
  }

  public static List<Finding> decode(PerformanceProfile profile) {
    List<Finding> findings = new ArrayList<>();
    int gpus = profile.engine().gpusPerEngine();
    List<DecodePoint> points = profile.decode();
    int below = 0;
    DecodePoint lowest = null;
    double lowestRatio = Double.POSITIVE_INFINITY;
    for (int i = 0; i < points.size(); i++) {
      DecodePoint p = points.get(i);
      double implied = p.impliedTokensPerSecondPerGpu(gpus);
      double ratio = p.outputTokensPerSecondPerGpu() / implied;
      if (ratio > DECODE_ABOVE) {
        findings.add(
            new Finding(
                Severity.ERROR,
                "decode-throughput",
                where(profile, i, p),
                "stores "
                    + compact(p.outputTokensPerSecondPerGpu())
                    + " tokens/s/GPU but a batch of "
                    + compact(p.concurrency())
                    + " at ITL "
                    + compact(p.itlMillis())
                    + " ms on "
                    + gpus
                    + " GPUs emits at most "
                    + compact(implied)
                    + " ("
                    + compact(ratio)
                    + "×)"));
      } else if (ratio < DECODE_BELOW) {
        below++;
        if (ratio < lowestRatio) {
          lowestRatio = ratio;
          lowest = p;
        }
      }
    }
    if (below > 0) {
      findings.add(
          new Finding(
              Severity.WARNING,
              "decode-throughput-low",
              profile.metadata().name() + " decode",
              below
                  + " of "
                  + points.size()
                  + " points store less than "
                  + DECODE_BELOW
                  + "× concurrency / ITL / GPUs (lowest "
                  + compact(lowestRatio)
                  + "× at context "
                  + compact(lowest.contextTokens())
                  + ", concurrency "
                  + compact(lowest.concurrency())
                  + "); capacity queries use concurrency / ITL, not the stored throughput"));
    }
    return findings;
  }

  static String where(PerformanceProfile profile, int i, DecodePoint p) {
    return profile.metadata().name()
        + " decode["
        + i
        + "] context="
        + compact(p.contextTokens())
        + " concurrency="
        + compact(p.concurrency());
  }
}
