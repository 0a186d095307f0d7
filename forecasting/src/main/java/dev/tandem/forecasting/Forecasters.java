package dev.tandem.forecasting;

import dev.tandem.forecasting.model.Arima;
import dev.tandem.forecasting.model.Ewma;
import dev.tandem.forecasting.model.HoltDamped;
import dev.tandem.forecasting.model.LastValue;
import dev.tandem.forecasting.model.LocalLinearTrend;
import dev.tandem.forecasting.model.MovingAverage;
import dev.tandem.forecasting.model.PointModel;
import dev.tandem.forecasting.model.RecentSeason;
import dev.tandem.forecasting.model.SeasonalLevel;
import dev.tandem.forecasting.model.SeasonalNaive;
import dev.tandem.forecasting.model.TribuoLinear;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds forecasters by kind. Every kind is a point model wrapped with split-conformal quantiles
 * from its own residuals. Kinds:
 *
 * <ul>
 *   <li>{@code last-value}, {@code moving-average} (6 ticks), {@code ewma} (α fitted)
 *   <li>{@code seasonal-naive-day}, {@code seasonal-naive-week} (same tick yesterday / last week)
 *   <li>{@code recent-season}: a period of minutes detected in the recent series itself
 *       (autocorrelation peak with a significance test), forecast from the last seasons
 *   <li>{@code holt-damped}; {@code holt-winters-day}, {@code holt-winters-week} (seasonal indices
 *       from Holt–Winters on coarse buckets × a fast level at tick resolution)
 *   <li>{@code arima} (order by AICc), {@code kalman-llt}, {@code tribuo-linear}
 *   <li>{@code selector}: all of the above (but the seasonal naive ones) scored on rolling-origin
 *       errors and combined per step — the default to use.
 * </ul>
 */
public final class Forecasters {

  /** Every kind {@link #create} accepts, baselines first. */
  public static final List<String> KINDS =
      List.of(
          "last-value",
          "moving-average",
          "ewma",
          "seasonal-naive-day",
          "seasonal-naive-week",
          "recent-season",
          "holt-damped",
          "holt-winters-day",
          "holt-winters-week",
          "arima",
          "kalman-llt",
          "tribuo-linear",
          "selector");

  /**
   * Values {@code recent-season} keeps: periods up to 512 / 2.5 ≈ 200 ticks (100 minutes at the
   * planner's 30 s tick) are found; longer ones are the daily models' business, and the detection
   * costs O(n²).
   */
  static final int RECENT_SEASON_TICKS = 512;

  private Forecasters() {}

  /** The recommended forecaster: the selector over every model. */
  public static Forecaster selector(ForecastSettings settings) {
    return create("selector", settings);
  }

  public static Forecaster create(String kind, ForecastSettings settings) {
    return new ConformalForecaster(kind, settings, model(kind, settings));
  }

  /** Rebuilds a forecaster from its {@link Forecaster#state()}. */
  public static Forecaster restore(ForecasterState state) {
    if (state.version() != ForecasterState.CURRENT_VERSION) {
      throw new IllegalArgumentException(
          "forecaster state version "
              + state.version()
              + " is not supported (expected "
              + ForecasterState.CURRENT_VERSION
              + ")");
    }
    ConformalForecaster f =
        new ConformalForecaster(
            state.kind(), state.settings(), model(state.kind(), state.settings()));
    f.restore(state);
    return f;
  }

  static PointModel model(String kind, ForecastSettings s) {
    int day = Math.max(1, (int) Math.round(86_400 / s.stepSeconds()));
    return switch (kind) {
      case "last-value" -> new LastValue();
      case "moving-average" -> new MovingAverage(6);
      case "ewma" -> new Ewma();
      case "seasonal-naive-day" -> new SeasonalNaive(day);
      case "seasonal-naive-week" -> new SeasonalNaive(7 * day);
      case "recent-season" -> new RecentSeason(Math.min(RECENT_SEASON_TICKS, s.historyTicks()));
      case "holt-damped" -> new HoltDamped();
      case "holt-winters-day" -> new SeasonalLevel("holt-winters-day", s, s.bucketsPerDay());
      case "holt-winters-week" -> new SeasonalLevel("holt-winters-week", s, 7 * s.bucketsPerDay());
      case "arima" -> new Arima();
      case "kalman-llt" -> new LocalLinearTrend();
      case "tribuo-linear" -> new TribuoLinear(s);
      case "selector" -> {
        List<PointModel> candidates = new ArrayList<>();
        for (String k : KINDS) {
          if (!k.equals("selector") && !k.startsWith("seasonal-naive")) {
            candidates.add(model(k, s));
          }
        }
        yield new Selector(candidates, s);
      }
      default ->
          throw new IllegalArgumentException(
              "unknown forecaster kind '" + kind + "'; known: " + KINDS);
    };
  }
}
