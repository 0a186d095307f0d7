package dev.tandem.forecasting.backtest;

import java.util.List;
import java.util.Optional;

/**
 * Result of a rolling-origin backtest.
 *
 * @param scale in-sample one-step last-value MAE of the training part (units of the series), the
 *     denominator of MASE and of the scaled pinball loss
 * @param trainLength ticks used for training (warm start) before the first origin
 * @param testLength ticks after the training part
 * @param rows one row per model and horizon
 */
public record BacktestReport(
    double scale, int trainLength, int testLength, List<BacktestRow> rows) {

  public BacktestReport {
    rows = List.copyOf(rows);
  }

  public Optional<BacktestRow> row(String model, int horizonSteps) {
    return rows.stream()
        .filter(r -> r.model().equals(model) && r.horizonSteps() == horizonSteps)
        .findFirst();
  }
}
