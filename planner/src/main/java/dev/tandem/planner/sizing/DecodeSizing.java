package dev.tandem.planner.sizing;

import dev.tandem.profiles.capacity.DecodeBound;

/**
 * The decode engines a load needs for an ITL percentile target.
 *
 * @param engines ⌈λ / λ_e*⌉, 0 without traffic; the search limit when {@code met} is false
 * @param met whether {@code engines} carries the load within {@code targetMillis}
 * @param reachable false when even one request alone misses the policy's target (the sizing then
 *     used 1.25 × the batch-1 ITL)
 * @param targetMillis the ITL target sized for
 * @param perEngineRate λ_e*, requests/s per engine
 * @param batchLimit N*, the largest batch percentile allowed
 * @param bound what set N*
 */
public record DecodeSizing(
    int engines,
    boolean met,
    boolean reachable,
    double targetMillis,
    double perEngineRate,
    double batchLimit,
    DecodeBound bound) {}
