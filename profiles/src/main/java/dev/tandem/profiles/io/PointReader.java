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
      Optional<Double> ttft = row.number("ttftMs");
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
      Optional<Double> itl = row.number("itlMs");
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
