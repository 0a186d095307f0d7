package dev.tandem.profiles.dynamo;

import static dev.tandem.profiles.interpolation.Numbers.compact;

import dev.tandem.profiles.check.Finding;
import dev.tandem.profiles.check.Severity;

/**
 * Detects decode throughput divided by the wrong GPU count. Reference: the point with the lowest
 * concurrency at the shortest context (a batch of about one short sequence, where the benchmark's
 * wall time is almost all decoding): its expected per-GPU throughput is {@code c / (ITL/1000) /
 * gpusPerEngine}. If the stored value is off by more than 10% and implies a divisor {@code d =
 * gpusPerEngine × expected / stored} within 5% of a whole number other than {@code gpusPerEngine},
 * every decode value of the row is multiplied by {@code round(d) / gpusPerEngine}.
 */
final class DecodeDivisor {

  private DecodeDivisor() {}

  /** The factor that corrects the row (1.0 when it needs none). */
  static double scale(RawRow raw, int gpus) {
    int ref = reference(raw);
    double ratio = ratio(raw, gpus, ref);
    if (Math.abs(ratio - 1) <= 0.10) {
      return 1.0;
    }
    double divisor = gpus / ratio;
    long whole = Math.round(divisor);
    if (whole < 1 || whole == gpus || Math.abs(divisor / whole - 1) > 0.05) {
      return 1.0;
    }
    return (double) whole / gpus;
  }

  static Finding finding(RawRow raw, int gpus, double scale, boolean recompute, String name) {
    int ref = reference(raw);
    double concurrency = raw.kvUsage()[ref] * raw.maxKvTokens() / raw.contextLength()[ref];
    return new Finding(
        Severity.WARNING,
        "decode-throughput-rescaled",
        name + " decode",
        "at context "
            + compact(raw.contextLength()[ref])
            + ", concurrency "
            + compact(concurrency)
            + ", ITL "
            + compact(raw.itlMs()[ref])
            + " ms the engine emits "
            + compact(concurrency / (raw.itlMs()[ref] / 1000.0))
            + " tokens/s, "
            + compact(concurrency / (raw.itlMs()[ref] / 1000.0) / gpus)
            + " per GPU on "
            + gpus
            + " GPUs, but z_thpt_per_gpu stores "
            + compact(raw.decodeThptPerGpu()[ref])
            + ": divided by "
            + Math.round(scale * gpus)
            + " GPUs. "
            + (recompute
                ? "Every decode throughput of this profile was multiplied by "
                    + compact(scale)
                    + "."
                : "Kept as stored (recomputation off)."));
  }

  private static double ratio(RawRow raw, int gpus, int i) {
    double concurrency = raw.kvUsage()[i] * raw.maxKvTokens() / raw.contextLength()[i];
    double expected = concurrency / (raw.itlMs()[i] / 1000.0) / gpus;
    return raw.decodeThptPerGpu()[i] / expected;
  }

  private static int reference(RawRow raw) {
    int best = 0;
    for (int i = 1; i < raw.kvUsage().length; i++) {
      double c = raw.contextLength()[i];
      double bc = raw.contextLength()[best];
      if (c < bc || (c == bc && raw.kvUsage()[i] < raw.kvUsage()[best])) {
        best = i;
      }
    }
    return best;
  }
}
