package dev.tandem.profiles.capacity;

import dev.tandem.profiles.interpolation.Estimate;

/**
 * What one prefill engine does with requests of one input length, served one at a time (the batch 1
 * regime the profile measured).
 *
 * @param inputTokens the ISL queried, tokens
 * @param ttftMillis service time = TTFT at batch 1, ms, with its placement
 * @param tokensPerSecondPerEngine {@code ISL / (TTFT/1000)}, tokens/s
 * @param requestsPerSecondPerEngine {@code 1000 / TTFT}, requests/s
 */
public record PrefillCapacity(
    double inputTokens,
    Estimate ttftMillis,
    double tokensPerSecondPerEngine,
    double requestsPerSecondPerEngine) {}
