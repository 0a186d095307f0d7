package dev.tandem.simulations.report;

import java.util.Locale;

/**
 * How much of a run's load lies past what the profile measured, where the simulated engines (and
 * Tandem's models) extrapolate: prompts longer than the largest measured ISL (TTFT linear in ISL
 * past the last two points) and requests whose decode context ISL + OSL/2 (the profile's
 * convention) exceeds the largest measured context (ITL from the last measured context's line).
 *
 * @param requests requests that arrived
 * @param prompts of them, prompts above {@code measuredIsl}
 * @param contexts of them, contexts above {@code measuredContext}
 * @param measuredIsl the profile's largest prefill ISL, tokens
 * @param measuredContext the profile's largest decode context, tokens
 */
public record BeyondProfile(
    long requests, long prompts, long contexts, double measuredIsl, double measuredContext) {

  /** True when any request was extrapolated. */
  public boolean any() {
    return prompts > 0 || contexts > 0;
  }

  /** One line for the report, e.g. "lengths beyond the profile: 12 of 90,096 prompts …". */
  public String sentence() {
    return String.format(
        Locale.ROOT,
        "lengths beyond the profile: %,d of %,d prompts (%.2f %%) longer than the largest measured"
            + " ISL %,.0f (TTFT extrapolated linearly from the last two points); %,d requests"
            + " (%.2f %%) with a decode context above the largest measured %,.0f (ITL from the"
            + " last measured context)",
        prompts,
        requests,
        share(prompts),
        measuredIsl,
        contexts,
        share(contexts),
        measuredContext);
  }

  private double share(long part) {
    return requests > 0 ? 100.0 * part / requests : 0;
  }
}
