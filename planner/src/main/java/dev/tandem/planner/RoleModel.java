package dev.tandem.planner;

/**
 * The sizing model of one engine role at one forecast: how many engines the SLA needs, how much
 * load a given count carries, and the latency percentile a given count would show.
 */
interface RoleModel {

  /** Engines the SLA needs at the forecast (0 without traffic), before min/max and budget. */
  int need();

  /** Whether {@link #need()} meets the target it was sized for (false: beyond the search). */
  boolean met();

  /** False when one engine alone misses the policy's target. */
  boolean reachable();

  /** How {@link #need()} came about, for the plan's reasons. */
  String needSentence();

  /** Requests/s {@code engines} engines carry within the SLA. */
  double capacity(int engines);

  /** The latency percentile (ms) at {@code engines} engines and the forecast load. */
  double predictMillis(int engines);

  /** The objective, e.g. {@code TTFT p90 ≤ 200 ms}. */
  String objective();
}
