package dev.tandem.config.policy;

/**
 * The forecaster that predicts load over the scale-up horizon. {@link #AUTO} (the default) lets
 * Tandem pick by rolling backtest on the deployment's own history.
 */
public enum ForecastModel implements Keyword {
  AUTO("auto"),
  LAST_VALUE("last-value"),
  EWMA("ewma"),
  HOLT("holt"),
  HOLT_WINTERS("holt-winters"),
  ARIMA("arima"),
  KALMAN("kalman"),
  TRIBUO("tribuo");

  private final String yamlName;

  ForecastModel(String yamlName) {
    this.yamlName = yamlName;
  }

  @Override
  public String yamlName() {
    return yamlName;
  }
}
