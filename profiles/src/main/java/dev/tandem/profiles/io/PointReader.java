package dev.tandem.profiles.io;

import dev.tandem.config.yaml.YamlMap;
import dev.tandem.profiles.model.DecodePoint;
import dev.tandem.profiles.model.PrefillPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the {@code prefill} and {@code decode} point lists of a profile. */
final class PointReader {

  private PointReader() {}

  static List<PrefillPoint> prefill(YamlMap spec) {
    List<PrefillPoint> points = new ArrayList<>();
    List<YamlMap> rows = spec.listOfMaps("prefill");
    if (spec.has("prefill") && rows.isEmpty()) {
      spec.error("prefill", "must have at least one point");
    }
    Integer previousIsl = null;
    for (YamlMap row : rows) {
      row.allowOnly(ProfileFormat.PREFILL_POINT);
      row.require("isl");
      row.require("ttftMs");
      row.require("tokensPerSecondPerGpu");
      Optional<Integer> isl = row.integer("isl");
      Optional<Double> ttft = atLeastAStep(row, "ttftMs", row.number("ttftMs"));
      Optional<Double> thpt = row.number("tokensPerSecondPerGpu");
      if (isl.isPresent() && previousIsl != null && isl.get() <= previousIsl) {
        row.error(
            "isl",
            "must be greater than the previous point's "
                + previousIsl
                + " (points sorted by strictly increasing ISL), got "
                + isl.get());
      }
      previousIsl = isl.orElse(previousIsl);
      if (isl.isPresent() && ttft.isPresent() && thpt.isPresent()) {
        PerformanceProfileLoader.build(
                row, "", () -> new PrefillPoint(isl.get(), ttft.get(), thpt.get()))
            .ifPresent(points::add);
      }
    }
    return points;
  }

  /**
   * The shortest latency a profile may store, ms. No GPU engine runs a forward pass (one decode
   * step or a prefill) in under 0.1 ms; a smaller number is a unit mistake (seconds written as ms)
   * or garbage such as 1e-300, and it would make every capacity query answer "unlimited".
   */
  static final double MIN_LATENCY_MS = 0.1;

  private static Optional<Double> atLeastAStep(YamlMap row, String field, Optional<Double> ms) {
    if (ms.isPresent() && ms.get() > 0 && ms.get() < MIN_LATENCY_MS) {
      row.error(
          field,
          ms.get()
              + " ms is below "
              + MIN_LATENCY_MS
              + " ms, faster than any GPU forward pass (the unit is milliseconds, not seconds)");
      return Optional.empty();
    }
    return ms;
  }

  static List<DecodePoint> decode(YamlMap spec, Optional<Long> kvCapacity) {
    List<DecodePoint> points = new ArrayList<>();
    List<YamlMap> rows = spec.listOfMaps("decode");
    if (spec.has("decode") && rows.isEmpty()) {
      spec.error("decode", "must have at least one point");
    }
    for (YamlMap row : rows) {
      row.allowOnly(ProfileFormat.DECODE_POINT);
      row.require("context");
      row.require("itlMs");
      row.require("tokensPerSecondPerGpu");
      if (!row.has("kvUsage") && !row.has("concurrency")) {
        row.error("needs kvUsage (fraction of engine.kvCapacityTokens) or concurrency, or both");
      }
      Optional<Double> context = row.number("context");
      Optional<Double> kvUsage = row.number("kvUsage");
      Optional<Double> given = row.number("concurrency");
      Optional<Double> itl = atLeastAStep(row, "itlMs", row.number("itlMs"));
      Optional<Double> thpt = row.number("tokensPerSecondPerGpu");
      if (context.isEmpty() || itl.isEmpty() || thpt.isEmpty()) {
        continue;
      }
      Optional<Double> concurrency =
          given.or(
              () ->
                  kvUsage.flatMap(
                      u -> kvCapacity.map(kv -> DecodePoint.concurrency(u, kv, context.get()))));
      if (concurrency.isEmpty()) {
        continue;
      }
      PerformanceProfileLoader.build(
              row,
              "",
              () ->
                  new DecodePoint(context.get(), kvUsage, concurrency.get(), itl.get(), thpt.get()))
          .ifPresent(points::add);
    }
    return points;
  }
}
