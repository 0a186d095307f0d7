package dev.tandem.forecasting.backtest;

import dev.tandem.forecasting.Forecast;
import dev.tandem.forecasting.ForecastSettings;
import dev.tandem.forecasting.Forecaster;
import dev.tandem.forecasting.Forecasters;
import java.util.ArrayList;
import java.util.List;

/**
 * Rolling-origin evaluation. Each model is warm-started on the training part through its ordinary
 * {@code update} (so scheduled refits see only past data), then at every origin t of the test part
 * forecasts t+1…t+H from data up to t, is scored against the actual values, and updates with
 * y_{t+1}. Missing values (NaN) are fed as missing and never scored; a peak over a horizon that
 * contains a missing value is not scored.
 */
public final class Backtest {

  private static final double LEVEL = 0.9;

  private Backtest() {}

  /** The in-sample one-step last-value MAE over consecutive present pairs of y[0, trainLength). */
  public static double naiveScale(double[] y, int trainLength) {
    double sum = 0;
    int n = 0;
    for (int t = 1; t < trainLength; t++) {
      if (!Double.isNaN(y[t]) && !Double.isNaN(y[t - 1])) {
        sum += Math.abs(y[t] - y[t - 1]);
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  public static BacktestReport run(
      double[] y, int trainLength, int[] horizons, List<String> kinds, ForecastSettings settings) {
    if (trainLength < 2 || trainLength >= y.length) {
      throw new IllegalArgumentException(
          "trainLength must be in [2, " + (y.length - 1) + "], got " + trainLength);
    }
    int maxH = 0;
    for (int h : horizons) {
      maxH = Math.max(maxH, h);
    }
    if (maxH > settings.maxHorizon()) {
      throw new IllegalArgumentException(
          "horizon " + maxH + " exceeds settings.maxHorizon " + settings.maxHorizon());
    }
    double scale = naiveScale(y, trainLength);
    final int longest = maxH;
    List<List<BacktestRow>> perModel =
        kinds.parallelStream()
            .map(k -> runOne(y, trainLength, horizons, longest, k, settings, scale))
            .toList();
    List<BacktestRow> rows = new ArrayList<>();
    perModel.forEach(rows::addAll);
    return new BacktestReport(scale, trainLength, y.length - trainLength, rows);
  }

  private static List<BacktestRow> runOne(
      double[] y,
      int trainLength,
      int[] horizons,
      int maxH,
      String kind,
      ForecastSettings settings,
      double scale) {
    Forecaster f = Forecasters.create(kind, settings);
    double[] abs = new double[horizons.length];
    double[] smape = new double[horizons.length];
    double[] pinball = new double[horizons.length];
    int[] n = new int[horizons.length];
    int[] covered = new int[horizons.length];
    int[] peaks = new int[horizons.length];
    for (int t = 0; t < y.length; t++) {
      f.update(y[t]);
      if (t < trainLength - 1 || t + 1 >= y.length) {
        continue;
      }
      int h = Math.min(maxH, y.length - 1 - t);
      Forecast fc = f.forecast(h, LEVEL);
      for (int i = 0; i < horizons.length; i++) {
        int step = horizons[i];
        if (step > h || Double.isNaN(fc.pointAt(step))) {
          continue;
        }
        double actual = y[t + step];
        if (!Double.isNaN(actual)) {
          double point = fc.pointAt(step);
          double e = actual - point;
          abs[i] += Math.abs(e);
          double denominator = Math.abs(actual) + Math.abs(point);
          smape[i] += denominator == 0 ? 0 : 200 * Math.abs(e) / denominator;
          double u = actual - fc.quantile(LEVEL, step);
          pinball[i] += u >= 0 ? LEVEL * u : (LEVEL - 1) * u;
          n[i]++;
        }
        double peak = Double.NEGATIVE_INFINITY;
        boolean complete = true;
        for (int k = 1; k <= step; k++) {
          complete &= !Double.isNaN(y[t + k]);
          peak = Math.max(peak, y[t + k]);
        }
        if (complete) {
          peaks[i]++;
          if (peak <= fc.peakQuantile(LEVEL, step)) {
            covered[i]++;
          }
        }
      }
    }
    List<BacktestRow> rows = new ArrayList<>();
    for (int i = 0; i < horizons.length; i++) {
      rows.add(
          new BacktestRow(
              kind,
              horizons[i],
              abs[i] / n[i] / scale,
              smape[i] / n[i],
              pinball[i] / n[i] / scale,
              peaks[i] == 0 ? Double.NaN : (double) covered[i] / peaks[i],
              n[i]));
    }
    return rows;
  }
}
