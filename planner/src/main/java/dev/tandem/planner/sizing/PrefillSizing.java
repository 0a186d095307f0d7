package dev.tandem.planner.sizing;

/**
 * The prefill engines a load needs for a TTFT percentile target.
 *
 * @param engines the fewest engines meeting the target, 0 without traffic; when {@code met} is
 *     false, the search limit (the load needs more)
 * @param met whether {@code engines} meets {@code targetSeconds}
 * @param reachable false when the service time alone misses the policy's target: more engines
 *     cannot help, and the sizing used a relaxed target
 * @param targetSeconds the TTFT target sized for (the policy's, or 1.25 × the service percentile
 *     when unreachable)
 * @param servicePercentileSeconds the q-quantile of the service time alone
 */
public record PrefillSizing(
    int engines,
    boolean met,
    boolean reachable,
    double targetSeconds,
    double servicePercentileSeconds) {}
