package dev.tandem.planner.forecast;

import java.time.Duration;
import java.util.Objects;

/**
 * The load a role is sized for: what is expected over {@code [now, now + horizon]}, where the
 * horizon is the role's lead time (engine start-up plus one decision interval).
 *
 * @param peakRate the {@code quantile} of the peak one-window arrival rate over the horizon,
 *     requests/s — the rate the role is sized for
 * @param meanRate the expected mean arrival rate over the horizon, requests/s
 * @param inputTokensMean E[ISL], tokens
 * @param inputTokensSecondMoment E[ISL²], tokens² (equal to the mean squared for fixed-length
 *     input)
 * @param outputTokensMean E[OSL], tokens
 * @param outputTokensSecondMoment E[OSL²], tokens²
 * @param horizon how far ahead the forecast looks
 * @param quantile the forecast quantile, in (0.5, 1)
 * @param healthy true when it rests on OK metrics; a role never scales up on an unhealthy forecast
 * @param reason a sentence saying where the numbers came from
 * @param peakError the recent relative RMS error of the forecast's point peak against the peak that
 *     came (ρ of {@code PeakError}); NaN when unknown (cold start, a given load): then the forecast
 *     is not trusted to shorten a scale-down window
 * @param pointPeakRate the forecaster's point peak over the horizon, req/s, before the allowance
 *     for a window's sampling noise that makes {@code peakRate} its quantile; NaN when unknown
 *     (then the whole of {@code peakRate} counts as the point)
 * @param arrivalScv the arrival burstiness to size for (the median SCV of the last 10 minutes,
 *     {@code Burstiness}); NaN when unknown: then the snapshot's own reading is used
 * @param rateTrend how fast the observed rate is moving, req/s per second, up (> 0) or down, where
 *     the recent readings show it beyond their scatter ({@code RecentSlope.trend}); 0 when they do
 *     not, NaN when unknown
 */
public record LoadForecast(
    double peakRate,
    double meanRate,
    double inputTokensMean,
    double inputTokensSecondMoment,
    double outputTokensMean,
    double outputTokensSecondMoment,
    Duration horizon,
    double quantile,
    boolean healthy,
    String reason,
    double peakError,
    double pointPeakRate,
    double arrivalScv,
    double rateTrend) {

  /** A forecast whose confidence, point peak and typical burstiness are unknown. */
  public LoadForecast(
      double peakRate,
      double meanRate,
      double inputTokensMean,
      double inputTokensSecondMoment,
      double outputTokensMean,
      double outputTokensSecondMoment,
      Duration horizon,
      double quantile,
      boolean healthy,
      String reason) {
    this(
        peakRate,
        meanRate,
        inputTokensMean,
        inputTokensSecondMoment,
        outputTokensMean,
        outputTokensSecondMoment,
        horizon,
        quantile,
        healthy,
        reason,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN);
  }

  /** This forecast sized for the typical burstiness {@code scv} (NaN: the snapshot's own). */
  public LoadForecast withArrivalScv(double scv) {
    return with(scv, rateTrend);
  }

  /** This forecast with the observed rate moving at {@code trend} req/s per second. */
  public LoadForecast withRateTrend(double trend) {
    return with(arrivalScv, trend);
  }

  private LoadForecast with(double scv, double trend) {
    return new LoadForecast(
        peakRate,
        meanRate,
        inputTokensMean,
        inputTokensSecondMoment,
        outputTokensMean,
        outputTokensSecondMoment,
        horizon,
        quantile,
        healthy,
        reason,
        peakError,
        pointPeakRate,
        scv,
        trend);
  }

  /** The burstiness to size for: {@link #arrivalScv} when known, else {@code observed}. */
  public double arrivalScvOr(double observed) {
    return Double.isFinite(arrivalScv) ? arrivalScv : observed;
  }

  /**
   * ln(peakRate / pointPeakRate): the forecast's own margin for the quantile, 0 when the point peak
   * is unknown or not below the peak.
   */
  public double peakMargin() {
    return Double.isFinite(pointPeakRate) && pointPeakRate > 0 && peakRate > pointPeakRate
        ? Math.log(peakRate / pointPeakRate)
        : 0;
  }

  /** True when the recent peak error is known. */
  public boolean confidenceKnown() {
    return Double.isFinite(peakError);
  }

  public LoadForecast {
    Objects.requireNonNull(horizon, "horizon");
    Objects.requireNonNull(reason, "reason");
    nonNegative("peakRate", peakRate);
    nonNegative("meanRate", meanRate);
    nonNegative("inputTokensMean", inputTokensMean);
    nonNegative("outputTokensMean", outputTokensMean);
    nonNegative("inputTokensSecondMoment", inputTokensSecondMoment);
    nonNegative("outputTokensSecondMoment", outputTokensSecondMoment);
    if (!(Double.isNaN(peakError) || (Double.isFinite(peakError) && peakError >= 0))) {
      throw new IllegalArgumentException(
          "peakError must be NaN or finite and >= 0, got " + peakError);
    }
    if (!(quantile > 0 && quantile < 1)) {
      throw new IllegalArgumentException("quantile must be in (0, 1), got " + quantile);
    }
  }

  /**
   * A known load, taken as given (the dry-run and the CLI): peak and mean equal {@code rate};
   * second moments from the coefficients of variation: E[X²] = mean² (1 + cv²).
   */
  public static LoadForecast given(
      double rate,
      double islMean,
      double islCv,
      double oslMean,
      double oslCv,
      Duration horizon,
      double quantile) {
    return new LoadForecast(
        rate,
        rate,
        islMean,
        islMean * islMean * (1 + islCv * islCv),
        oslMean,
        oslMean * oslMean * (1 + oslCv * oslCv),
        horizon,
        quantile,
        true,
        "given load: " + rate + " req/s, ISL " + islMean + ", OSL " + oslMean);
  }

  private static void nonNegative(String field, double v) {
    if (!(Double.isFinite(v) && v >= 0)) {
      throw new IllegalArgumentException(field + " must be finite and >= 0, got " + v);
    }
  }
}
