package dev.tandem.config.policy;

import java.time.Duration;
import java.util.Optional;

/**
 * How far ahead and how cautiously load is forecast.
 *
 * @param model the forecaster; default {@link ForecastModel#AUTO}
 * @param horizon how far ahead to forecast, longer than zero; when empty (the default) each role
 *     uses its own {@link #horizonFor(RoleBehavior) startupTime + interval}, the time until an
 *     engine requested now could be replaced by the next decision's
 * @param quantile the forecast quantile the roles are sized for, in (0.5, 1); default 0.9
 */
public record ForecastSettings(ForecastModel model, Optional<Duration> horizon, double quantile) {

  public static final double DEFAULT_QUANTILE = 0.9;

  public ForecastSettings {
    Check.present("model", model);
    Check.present("horizon", horizon);
    horizon.ifPresent(h -> Check.valid("horizon", Check.positive(h)));
    Check.valid("quantile", Check.openRange(quantile, 0.5, 1));
  }

  public static ForecastSettings defaults() {
    return new ForecastSettings(ForecastModel.AUTO, Optional.empty(), DEFAULT_QUANTILE);
  }

  /** The horizon of a role: the explicit horizon, or the role's startupTime + interval. */
  public Duration horizonFor(RoleBehavior behavior) {
    return horizon.orElse(behavior.startupTime().plus(behavior.interval()));
  }
}
