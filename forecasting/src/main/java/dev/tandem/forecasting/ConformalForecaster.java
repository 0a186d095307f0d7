package dev.tandem.forecasting;

import dev.tandem.forecasting.model.PointModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one {@link PointModel} as a {@link Forecaster}: keeps the bounded raw history, refits the
 * model on a schedule (at tick 32, then every {@code refitEvery} ticks, phase-shifted by the seed
 * so that series with distinct seeds spread their refits), registers the model's path every tick
 * with a {@link ConformalCalibrator} and answers forecasts from the latest path. Cost per tick: one
 * model update and one path of {@code maxHorizon} values, plus O(H·window) moves in the calibration
 * windows.
 */
final class ConformalForecaster implements Forecaster {

  private final String kind;
  private final ForecastSettings settings;
  private final PointModel model;
  private final ConformalCalibrator calibrator;
  private final double[] history;
  private int historySize;
  private int historyNext;
  private long ticks;
  private final double[] path;

  /** Refit phase from the seed, so that many series with distinct seeds do not refit together. */
  private final long stagger;

  ConformalForecaster(String kind, ForecastSettings settings, PointModel model) {
    this.kind = kind;
    this.settings = settings;
    this.model = model;
    this.calibrator = new ConformalCalibrator(settings);
    this.history = new double[settings.historyTicks()];
    this.path = new double[settings.maxHorizon()];
    this.stagger = Math.floorMod(settings.seed(), (long) settings.refitEvery());
    java.util.Arrays.fill(path, Double.NaN);
  }

  @Override
  public String name() {
    return kind;
  }

  @Override
  public void update(double value) {
    if (Double.isInfinite(value)) {
      value = Double.NaN; // an infinite observation is a broken metric, treated as missing
    }
    calibrator.resolve(value);
    history[historyNext] = value;
    historyNext = (historyNext + 1) % history.length;
    historySize = Math.min(history.length, historySize + 1);
    model.observe(value);
    ticks++;
    if (ticks == 32 || (ticks + stagger) % settings.refitEvery() == 0) {
      model.refit(history());
    }
    model.forecast(path);
    calibrator.register(path);
  }

  /** The raw history, oldest first. */
  double[] history() {
    double[] out = new double[historySize];
    for (int i = 0; i < historySize; i++) {
      out[i] = history[Math.floorMod(historyNext - historySize + i, history.length)];
    }
    return out;
  }

  @Override
  public Forecast forecast(int horizon, double... levels) {
    if (horizon < 1 || horizon > settings.maxHorizon()) {
      throw new IllegalArgumentException(
          "horizon must be in [1, " + settings.maxHorizon() + "], got " + horizon);
    }
    for (double level : levels) {
      if (!(level > 0 && level < 1)) {
        throw new IllegalArgumentException("quantile levels must be in (0, 1), got " + level);
      }
    }
    double[] point = new double[horizon];
    for (int i = 0; i < horizon; i++) {
      point[i] = calibrator.clampPoint(path[i]);
    }
    double[][] quantiles = new double[levels.length][];
    double[][] peaks = new double[levels.length][];
    if (Double.isNaN(path[0])) {
      for (int k = 0; k < levels.length; k++) {
        quantiles[k] = point.clone();
        peaks[k] = point.clone();
      }
    } else {
      double[][] b = calibrator.bounds(path, calibrator.latestScale(), horizon, levels);
      for (int k = 0; k < levels.length; k++) {
        quantiles[k] = b[2 * k];
        peaks[k] = b[2 * k + 1];
      }
    }
    return new Forecast(point, levels, quantiles, peaks, calibrator.calibrationSize(), kind);
  }

  @Override
  public ForecasterState state() {
    Map<String, double[]> arrays = new LinkedHashMap<>();
    arrays.put("meta", new double[] {ticks});
    arrays.put("history", history());
    arrays.put("path", path.clone());
    arrays.put("model", model.save());
    arrays.put("calibration", calibrator.save());
    return new ForecasterState(ForecasterState.CURRENT_VERSION, kind, settings, arrays);
  }

  void restore(ForecasterState state) {
    ticks = (long) state.get("meta")[0];
    double[] h = state.get("history");
    historySize = 0;
    historyNext = 0;
    for (double v : h) {
      history[historyNext] = v;
      historyNext = (historyNext + 1) % history.length;
      historySize = Math.min(history.length, historySize + 1);
    }
    System.arraycopy(state.get("path"), 0, path, 0, path.length);
    model.restore(state.get("model"));
    calibrator.restore(state.get("calibration"));
  }
}
