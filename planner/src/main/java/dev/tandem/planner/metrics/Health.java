package dev.tandem.planner.metrics;

/**
 * How trustworthy one observed value is. Health is data, not an exception: the planner never scales
 * down on a value that is not {@link #OK}, and scales up only on {@code OK} evidence.
 */
public enum Health {
  /** Fresh and well-formed: a finite, non-negative number from the last window. */
  OK,
  /** A value exists but is older than the source's staleness limit. */
  STALE,
  /** No value: the query failed, returned nothing, or returned NaN/±Inf/a negative number. */
  MISSING
}
