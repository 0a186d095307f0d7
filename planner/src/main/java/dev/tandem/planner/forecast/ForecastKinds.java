package dev.tandem.planner.forecast;

import dev.tandem.config.policy.ForecastModel;
import dev.tandem.config.policy.ScaledRole;
import dev.tandem.config.policy.SlaPolicy;
import java.time.Duration;

/**
 * How a policy's {@code forecast.model} maps onto the forecasting module, and the shape of the
 * series a deployment's forecaster runs on.
 *
 * <table>
 *   <caption>policy model → forecasting kind</caption>
 *   <tr><th>{@code forecast.model}</th><th>kind</th></tr>
 *   <tr><td>{@code auto}</td><td>{@code selector} (scores every model on rolling-origin errors)</td></tr>
 *   <tr><td>{@code last-value}</td><td>{@code last-value}</td></tr>
 *   <tr><td>{@code ewma}</td><td>{@code ewma}</td></tr>
 *   <tr><td>{@code holt}</td><td>{@code holt-damped}</td></tr>
 *   <tr><td>{@code holt-winters}</td><td>{@code holt-winters-day}</td></tr>
 *   <tr><td>{@code arima}</td><td>{@code arima}</td></tr>
 *   <tr><td>{@code kalman}</td><td>{@code kalman-llt}</td></tr>
 *   <tr><td>{@code tribuo}</td><td>{@code tribuo-linear}</td></tr>
 * </table>
 *
 * <p>The series has one value per deployment visit: its tick is the shortest interval of the
 * policy's roles (the loop visits a deployment whenever one of its roles is due), and it must look
 * as far ahead as the longest role horizon, {@code H_max = ⌈max_role(startupTime + interval) /
 * tick⌉} ticks (or the policy's explicit {@code forecast.horizon}).
 */
public final class ForecastKinds {

  private ForecastKinds() {}

  /** The forecasting module's kind for a policy's model. */
  public static String kindOf(ForecastModel model) {
    return switch (model) {
      case AUTO -> "selector";
      case LAST_VALUE -> "last-value";
      case EWMA -> "ewma";
      case HOLT -> "holt-damped";
      case HOLT_WINTERS -> "holt-winters-day";
      case ARIMA -> "arima";
      case KALMAN -> "kalman-llt";
      case TRIBUO -> "tribuo-linear";
    };
  }

  /** The tick of the deployment's load series: the shortest role interval. */
  public static Duration tick(SlaPolicy policy) {
    Duration tick = null;
    for (ScaledRole role : policy.roles().all()) {
      Duration interval = policy.behavior().of(role.role()).interval();
      if (tick == null || interval.compareTo(tick) < 0) {
        tick = interval;
      }
    }
    return tick;
  }

  /**
   * The longest role horizon plus the lag of a reading ({@link ReadingLag}: half the rate window
   * and a data age of up to 30 s) in ticks of {@link #tick}, at least 1.
   */
  public static int maxHorizonTicks(SlaPolicy policy) {
    long tickMillis = tick(policy).toMillis();
    long longest = 0;
    for (ScaledRole role : policy.roles().all()) {
      longest =
          Math.max(
              longest,
              policy.forecast().horizonFor(policy.behavior().of(role.role())).toMillis()
                  + ReadingLag.millis(policy.metrics().window())
                  + ReadingLag.MAX_DATA_AGE_MILLIS);
    }
    return (int) Math.max(1, Math.min(1000, (longest + tickMillis - 1) / tickMillis));
  }
}
