package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecommendCommandTest {

  private static final String GROVE =
      CliRun.root().resolve("examples/policies/grove-llama-3.1-8b-h200.yaml").toString();

  @Test
  void theWorkedExample() {
    CliRun run =
        CliRun.run("recommend", "--policy", GROVE, "--rate", "20", "--isl", "3000", "--osl", "300");

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    // prefill: G/G/2, TTFT p90 122 ms; decode ⌈20 / 14.34⌉ = 2 (see planner/PLANNER.md)
    assertThat(run.out())
        .contains("plan for inference/llama-8b")
        .contains("prefill  1 → 2   (target 2; the SLA needs 2; 1 GPU per replica)")
        .contains("decode   1 → 2   (target 2; the SLA needs 2; 1 GPU per replica)")
        .contains("PREDICTED: 122.0 ms at 2 engines and 20 req/s (TTFT p90 ≤ 200.0 ms) meets it")
        .contains("PREDICTED: 7.6 ms at 2 engines and 20 req/s (ITL p90 ≤ 10.0 ms) meets it")
        .contains("GPU_TOTAL: prefill 2×1 + decode 2×1 = 4 GPUs of the budget of 16")
        .contains("changes:    prefill 1 → 2, decode 1 → 2");
  }

  @Test
  void currentCountsShowTheFirstStepAndHeavyLoadHitsTheBudget() {
    CliRun run =
        CliRun.run(
            "recommend",
            "--policy",
            GROVE,
            "--rate",
            "200",
            "--isl",
            "3000",
            "--osl",
            "300",
            "--current",
            "2,2",
            "--arrival-cv2",
            "2");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("BUDGET_CAPPED").contains("SCALE_UP_LIMITED: 2 → 6");
  }

  @Test
  void badNumbersAreUsageErrors() {
    CliRun run =
        CliRun.run(
            "recommend",
            "--policy",
            GROVE,
            "--rate",
            "20",
            "--isl",
            "3000",
            "--osl",
            "300",
            "--current",
            "two,3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--current must be two whole numbers, got two,3");
  }

  @Test
  void anInvalidPolicyFailsWithItsProblems() {
    String broken =
        CliRun.root().resolve("config/src/test/resources/broken/min-above-max.yaml").toString();

    CliRun run =
        CliRun.run("recommend", "--policy", broken, "--rate", "1", "--isl", "10", "--osl", "10");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("spec.roles.decode.minReplicas: 9 is above maxReplicas 8");
  }

  @Test
  void theHeadlineShowsWhatTheSlaNeedsBesideTheRateLimitedStep() {
    // at 200 req/s prefill needs 13 engines; maxReplicas 8 holds the target and +4 per step the
    // step, so the headline used to read "1 → 5 (target 8" with the 13 only deep in the reason
    CliRun run =
        CliRun.run(
            "recommend", "--policy", GROVE, "--rate", "200", "--isl", "3000", "--osl", "300");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("prefill  1 → 5   (next step; target 8; the SLA needs 13; 1 GPU per replica)")
        .contains("decode   1 → 3   (next step; target 8; the SLA needs 14; 1 GPU per replica)");
  }

  @Test
  void aRequestLongerThanOneEnginesKvCacheIsNotScaledForAndSaysSo() {
    CliRun run =
        CliRun.run("recommend", "--policy", GROVE, "--rate", "20", "--isl", "1e7", "--osl", "300");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("decode   1 → 1   (target 1; no size meets the SLA (see target); 1 GPU per")
        .contains(
            "SLA_UNATTAINABLE: forecast P90 peak 20 req/s over the next 3m: one request of context"
                + " 10000150 tokens (ISL 10000000 + OSL/2 150) needs more KV cache than one decode"
                + " engine holds, 945029 tokens")
        .doesNotContain("decode   1 → 3");
  }
}
