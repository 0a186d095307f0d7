package dev.tandem.planner.history;

import dev.tandem.forecasting.ForecastSettings;
import dev.tandem.forecasting.ForecasterState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text lines of a forecaster checkpoint inside a history ({@link HistoryCodec}): one {@code
 * checkpoint} line with the kind, format version and settings, then one {@code array} line per
 * named array (values with {@link Double#toString}, which round-trips, NaN included):
 *
 * <pre>
 * checkpoint selector version=1 stepSeconds=15.0 maxHorizon=6 calibrationWindow=300 refitEvery=360 historyTicks=2016 bucketSeconds=600.0 phaseSeconds=0.0 seed=42
 * array meta 40.0
 * array history 10.0 NaN 12.5
 * </pre>
 */
final class CheckpointCodec {

  private CheckpointCodec() {}

  static void write(ForecasterState s, StringBuilder out) {
    ForecastSettings f = s.settings();
    out.append("checkpoint ")
        .append(s.kind())
        .append(" version=")
        .append(s.version())
        .append(" stepSeconds=")
        .append(f.stepSeconds())
        .append(" maxHorizon=")
        .append(f.maxHorizon())
        .append(" calibrationWindow=")
        .append(f.calibrationWindow())
        .append(" refitEvery=")
        .append(f.refitEvery())
        .append(" historyTicks=")
        .append(f.historyTicks())
        .append(" bucketSeconds=")
        .append(f.bucketSeconds())
        .append(" phaseSeconds=")
        .append(f.phaseSeconds())
        .append(" seed=")
        .append(f.seed())
        .append('\n');
    for (Map.Entry<String, double[]> e : s.arrays().entrySet()) {
      out.append("array ").append(e.getKey());
      for (double v : e.getValue()) {
        out.append(' ').append(v);
      }
      out.append('\n');
    }
  }

  /** Reads a {@code checkpoint} line's fields and the {@code array} lines that followed it. */
  static ForecasterState read(String[] header, Map<String, double[]> arrays) {
    Map<String, String> kv = HistoryCodec.pairs(header, 2);
    ForecastSettings settings =
        new ForecastSettings(
            Double.parseDouble(HistoryCodec.required(kv, "stepSeconds")),
            Integer.parseInt(HistoryCodec.required(kv, "maxHorizon")),
            Integer.parseInt(HistoryCodec.required(kv, "calibrationWindow")),
            Integer.parseInt(HistoryCodec.required(kv, "refitEvery")),
            Integer.parseInt(HistoryCodec.required(kv, "historyTicks")),
            Double.parseDouble(HistoryCodec.required(kv, "bucketSeconds")),
            Double.parseDouble(HistoryCodec.required(kv, "phaseSeconds")),
            Long.parseLong(HistoryCodec.required(kv, "seed")));
    return new ForecasterState(
        Integer.parseInt(HistoryCodec.required(kv, "version")),
        header[1],
        settings,
        new LinkedHashMap<>(arrays));
  }

  /** The values of an {@code array} line. */
  static double[] values(String[] f) {
    double[] v = new double[f.length - 2];
    for (int i = 2; i < f.length; i++) {
      v[i - 2] = Double.parseDouble(f[i]);
    }
    return v;
  }
}
