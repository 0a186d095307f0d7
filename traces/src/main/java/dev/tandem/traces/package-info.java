/**
 * Readers of request traces and load series (Azure LLM 2023 CSV, ServeGen windows, Dynamo/Mooncake
 * JSONL, synthetic generators) and their binning into series. Filled by the forecasting and
 * simulator issues.
 */
package dev.tandem.traces;
