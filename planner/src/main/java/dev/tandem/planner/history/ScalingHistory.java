package dev.tandem.planner.history;

import dev.tandem.config.policy.Role;
import dev.tandem.planner.forecast.ForecastState;
import java.util.Objects;

/**
 * Everything the planner remembers about one deployment: per role the last decision, the
 * recommendations of the stabilisation window and the learned correction; the forecaster's state.
 * An immutable value: the loop replaces it after each tick, {@link HistoryCodec} writes and reads
 * it as text, so a restart or a replay reproduces the same decisions.
 */
public record ScalingHistory(
    RoleHistory prefill, RoleHistory decode, RoleHistory router, ForecastState forecast) {

  public ScalingHistory {
    Objects.requireNonNull(prefill, "prefill");
    Objects.requireNonNull(decode, "decode");
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(forecast, "forecast");
  }

  public static ScalingHistory empty() {
    return new ScalingHistory(
        RoleHistory.empty(), RoleHistory.empty(), RoleHistory.empty(), ForecastState.empty());
  }

  public RoleHistory of(Role role) {
    return switch (role) {
      case PREFILL -> prefill;
      case DECODE -> decode;
      case ROUTER -> router;
    };
  }

  public ScalingHistory with(Role role, RoleHistory history) {
    return switch (role) {
      case PREFILL -> new ScalingHistory(history, decode, router, forecast);
      case DECODE -> new ScalingHistory(prefill, history, router, forecast);
      case ROUTER -> new ScalingHistory(prefill, decode, history, forecast);
    };
  }

  public ScalingHistory withForecast(ForecastState state) {
    return new ScalingHistory(prefill, decode, router, state);
  }
}
