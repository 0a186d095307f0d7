package dev.tandem.forecasting.backtest;

/**
 * Scores of one model at one horizon over the test part.
 *
 * @param model forecaster kind
 * @param horizonSteps horizon in ticks
 * @param mase mean |y − ŷ| at this horizon ÷ the in-sample one-step last-value MAE of the training
 *     part
 * @param smape mean 2|y − ŷ|/(|y| + |ŷ|), in percent
 * @param pinball90 mean P90 pinball loss (y − q)·(0.9 − 1{y &lt; q}) ÷ the same scale as MASE
 * @param peakCoverage90 share of origins where max(y_{t+1..t+H}) ≤ the forecast P90 of that peak
 * @param origins number of forecast origins scored at this horizon
 */
public record BacktestRow(
    String model,
    int horizonSteps,
    double mase,
    double smape,
    double pinball90,
    double peakCoverage90,
    int origins) {}
