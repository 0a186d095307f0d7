package dev.tandem.metrics;

/**
 * The queries of one tick for one group of deployments (same preset, window and label names). Each
 * is sent once and answers for every deployment of the group; the signals are computed from them
 * (several signals share a query, and arrivals combine two).
 */
public enum QueryKind {
  /** Completions per second over the window. */
  COMPLETIONS,
  /** Rate of change of in-flight requests over the window, requests/s. */
  IN_FLIGHT_CHANGE,
  /** Prompt tokens per second (histogram {@code _sum} rate). */
  INPUT_TOKENS_SUM,
  /** Prompt-length histogram bucket rates, by {@code le}. */
  INPUT_TOKENS_BUCKETS,
  /** Output tokens per second (histogram {@code _sum} rate). */
  OUTPUT_TOKENS_SUM,
  /** Output-length histogram bucket rates, by {@code le}. */
  OUTPUT_TOKENS_BUCKETS,
  /** TTFT histogram bucket rates, by {@code le}. */
  TTFT_BUCKETS,
  /** ITL histogram bucket rates, by {@code le}. */
  ITL_BUCKETS,
  /** KV-cache usage, fraction. */
  KV_CACHE_USAGE,
  /** Requests waiting. */
  QUEUE_DEPTH,
  /** Prefix-cache hit ratio over the window. */
  PREFIX_CACHE_HIT_RATE,
  /**
   * Seconds between the completion counter's samples (median over its series), sent first: the
   * counting interval of {@link #ARRIVAL_DISPERSION} is fitted to it ({@link CountingInterval}).
   */
  SCRAPE_SPACING,
  /** Allan factor of arrival counts per interval τ over the dispersion range. */
  ARRIVAL_DISPERSION,
  /** Timestamp of the newest sample of the freshness gauge. */
  FRESHNESS
}
