/**
 * Performance profiles of one inference engine (a whole tensor-parallel group): prefill TTFT and
 * throughput against input length, decode ITL and throughput against concurrency and context, KV
 * capacity and engine limits; interpolation with explicit extrapolation, capacity queries for the
 * planner, import of NVIDIA Dynamo profiler output and plausibility checks.
 */
package dev.tandem.profiles;
