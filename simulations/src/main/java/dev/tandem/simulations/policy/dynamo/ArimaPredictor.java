package dev.tandem.simulations.policy.dynamo;

import dev.tandem.simulations.policy.dynamo.arima.ArimaFit;
import dev.tandem.simulations.policy.dynamo.arima.AutoArima;
import java.util.Arrays;
import java.util.Optional;

/**
 * The reference planner's default predictor, {@code ARIMAPredictor} in its {@code
 * load_predictor.py}, as the first-generation planner has it: every value is appended to a buffer
 * of the last {@code window} values ({@code window_size}: the class defaults to {@value #WINDOW},
 * the planner passes its {@code --load-prediction-window-size}, default {@value #PLANNER_WINDOW}),
 * a NaN as 0; while fewer than {@value #MIN_POINTS} points are buffered ({@code
 * minimum_data_points}) the forecast is the last value; after that every forecast refits {@code
 * pmdarima.auto_arima(buffer, suppress_warnings=True, error_action="ignore")} from scratch ({@link
 * AutoArima}) and predicts one period ahead. From later versions of that file, three guards are
 * taken: all buffered values equal gives that value (pmdarima would fit ARIMA(0,0,0) without
 * intercept there and forecast 0); a fit that fails (no order can be fitted, or anything throws)
 * gives the last value; the forecast is clamped at 0.
 *
 * <p>Not taken from later versions: skipping leading zeros (an idle start; our planner never feeds
 * an idle window), fitting once and then only updating the model with new points, and refitting in
 * log1p space when the order collapses to (0,d,0). Deviations: ±∞ is buffered as 0 like NaN (the
 * reference's fit would fail and fall back to the infinite value); before any data the forecast is
 * NaN, as {@link LoadPredictor} specifies (the reference says 0). A forecast is computed once per
 * observation and cached.
 */
public final class ArimaPredictor implements LoadPredictor {

  /** Buffer length when none is given (the reference class's {@code window_size} default). */
  public static final int WINDOW = 100;

  /**
   * The planner's {@code load_prediction_window_size} default ({@code SLAPlannerDefaults} in its
   * {@code defaults.py}), which its benchmark ran with.
   */
  public static final int PLANNER_WINDOW = 50;

  /** Fewest points before fitting (the reference's {@code minimum_data_points}). */
  public static final int MIN_POINTS = 5;

  private final int window;
  private final double[] buffer;
  private int size;
  private double cached = Double.NaN;
  private boolean stale = true;
  private ArimaFit lastFit;

  /** A buffer of the last {@value #WINDOW} values. */
  public ArimaPredictor() {
    this(WINDOW);
  }

  /** A buffer of the last {@code window} values (at least {@value #MIN_POINTS}). */
  public ArimaPredictor(int window) {
    if (window < MIN_POINTS) {
      throw new IllegalArgumentException(
          "window must be >= " + MIN_POINTS + " values, got " + window);
    }
    this.window = window;
    this.buffer = new double[window];
  }

  /** How many recent values the fit sees. */
  public int window() {
    return window;
  }

  @Override
  public void addDataPoint(double value) {
    double v = Double.isFinite(value) ? value : 0;
    if (size == window) {
      System.arraycopy(buffer, 1, buffer, 0, window - 1);
      size--;
    }
    buffer[size++] = v;
    stale = true;
  }

  @Override
  public double predictNext() {
    if (stale) {
      cached = forecast();
      stale = false;
    }
    return cached;
  }

  /** The model behind the last forecast, empty when that forecast was a fallback. */
  public Optional<ArimaFit> lastFit() {
    return Optional.ofNullable(lastFit);
  }

  private double forecast() {
    lastFit = null;
    if (size == 0) {
      return Double.NaN;
    }
    double last = buffer[size - 1];
    if (size < MIN_POINTS) {
      return last;
    }
    double[] series = Arrays.copyOf(buffer, size);
    boolean constant = true;
    for (double v : series) {
      constant &= v == series[0];
    }
    if (constant) {
      return series[0];
    }
    ArimaFit fit;
    try {
      fit = AutoArima.fit(series).orElse(null);
    } catch (RuntimeException e) {
      // The reference catches any failure of the fit and uses the last value.
      fit = null;
    }
    if (fit == null || !Double.isFinite(fit.forecast())) {
      return last;
    }
    lastFit = fit;
    return Math.max(0, fit.forecast());
  }
}
