package dev.tandem.profiles.dynamo;

import dev.tandem.config.yaml.InvalidInputException;
import dev.tandem.config.yaml.Problem;
import dev.tandem.config.yaml.SourceLocation;
import java.util.List;
import java.util.Optional;

/** Reads one {@link RawRow} from a prefill and a decode array set and assembles it. */
final class Rows {

  private Rows() {}

  static RawRow row(
      String form, ArraySet prefill, ArraySet decode, int r, Optional<RawRow.Config> config) {
    double[] isl = prefill.row("prefill_isl", r);
    double[] ttft = prefill.row("prefill_ttft", r);
    double[] prefillThpt = prefill.row("prefill_thpt_per_gpu", r);
    double[] kv = decode.row("x_kv_usage", r);
    double[] context = decode.row("y_context_length", r);
    double[] itl = decode.row("z_itl", r);
    double[] decodeThpt = decode.row("z_thpt_per_gpu", r);
    Optional<Double> maxKv =
        decode.has("max_kv_tokens") && decode.rows("max_kv_tokens") == 1
            ? decode.number("max_kv_tokens", 0)
            : decode.number("max_kv_tokens", r);
    sameLength(prefill, isl.length, "prefill_ttft", ttft.length);
    sameLength(prefill, isl.length, "prefill_thpt_per_gpu", prefillThpt.length);
    sameLength(decode, kv.length, "y_context_length", context.length);
    sameLength(decode, kv.length, "z_itl", itl.length);
    sameLength(decode, kv.length, "z_thpt_per_gpu", decodeThpt.length);
    for (double v : isl) {
      if (v != Math.rint(v) || v < 1 || v > Integer.MAX_VALUE) {
        prefill.problem("prefill_isl", "must hold whole token counts >= 1, found " + v);
        break;
      }
    }
    if (maxKv.isPresent() && (maxKv.get() != Math.rint(maxKv.get()) || maxKv.get() < 1)) {
      decode.problem("max_kv_tokens", "must be a whole number >= 1, found " + maxKv.get());
    }
    return new RawRow(
        form,
        isl,
        ttft,
        prefillThpt,
        kv,
        context,
        itl,
        decodeThpt,
        maxKv.map(Double::longValue).orElse(0L),
        config);
  }

  private static void sameLength(ArraySet set, int expected, String name, int actual) {
    if (actual != expected && set.has(name) && actual > 0) {
      set.problem(name, "has " + actual + " values per row, expected " + expected);
    }
  }

  /** Assembles; a value the profile model rejects becomes a problem naming the source. */
  static ImportedProfile assemble(RawRow row, ImportOptions opts, String name, String where) {
    try {
      return ProfileAssembler.assemble(row, opts, name, where);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          List.of(new Problem(SourceLocation.ofSource(where), name, e.getMessage())));
    }
  }
}
