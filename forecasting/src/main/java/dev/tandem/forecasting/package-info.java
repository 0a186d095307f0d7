/**
 * Forecasters over plain load series (request rate, input and output length moments) giving point
 * and quantile forecasts, and rolling-origin backtests. Pure: no clock, no I/O. Filled by the
 * forecasting issue.
 */
package dev.tandem.forecasting;
