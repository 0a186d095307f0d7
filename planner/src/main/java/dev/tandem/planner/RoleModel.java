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

  /**
   * How far a role's sizing searches: 4 × maxReplicas + 16 engines (at most {@link
   * dev.tandem.planner.sizing.PrefillSizer#SEARCH_LIMIT}). Beyond maxReplicas so that "needs 9,
   * capped at 8" is told apart from "needs more than anyone can give"; bounded so that an absurd
   * forecast cannot make one plan search thousands of counts. Both role models size lazily (on the
   * first question), because the correction's solver builds them only to predict.
   */
  static int searchLimit(dev.tandem.config.policy.EngineRole role) {
    return Math.min(
        dev.tandem.planner.sizing.PrefillSizer.SEARCH_LIMIT, 4 * role.maxReplicas() + 16);
  }
}
