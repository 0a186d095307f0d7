package dev.tandem.simulations.scenario;

import dev.tandem.profiles.io.PerformanceProfileLoader;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.simulations.arrivals.SinusoidArrivals;
import dev.tandem.simulations.engine.SimulationConfig;
import dev.tandem.simulations.metrics.SlaTargets;
import dev.tandem.simulations.policy.ScalingPolicy;
import dev.tandem.simulations.policy.StaticSplitPolicy;
import dev.tandem.simulations.policy.dynamo.DynamoSettings;
import dev.tandem.simulations.policy.dynamo.DynamoSlaPolicy;
import dev.tandem.simulations.policy.hpa.HpaPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** The scenarios that ship with the simulator. */
public final class BuiltInScenarios {

  /** The default profile, relative to the repository root. */
  public static final String DEFAULT_PROFILE = "examples/profiles/h200-llama-3.1-8b-fp8-tp1.yaml";

  private BuiltInScenarios() {}

  /** The default profile loaded from a repository checkout. */
  public static PerformanceProfile defaultProfile(Path repositoryRoot) {
    return PerformanceProfileLoader.load(repositoryRoot.resolve(DEFAULT_PROFILE));
  }

  /**
   * {@code dynamo-sinusoid}, the reference planner's own benchmark: Poisson arrivals whose rate
   * follows a sinusoid from 5 to 45 requests/s with a 600 s period, for 3600 s (six periods, about
   * 90,000 requests), ISL 3000 / OSL 300; SLA p90 TTFT ≤ 200 ms and p90 ITL ≤ 10 ms; H200
   * Llama-3.1-8B-FP8 TP1 profile; engines ready 60 s after they are requested; no KV-transfer time;
   * synthetic load, so no rate scaling. Policies: static 2P/2D, the reference planner (T = 180 s,
   * corrections on, auto-ARIMA forecast), and an HPA per role (1 waiting request per prefill
   * engine; KV usage 0.15 per decode engine, hand-set near the profile's KV usage at 10 ms ITL for
   * this context — a knob the baseline sweep will vary).
   */
  public static Scenario dynamoSinusoid(PerformanceProfile profile, long seed) {
    SlaTargets sla = SlaTargets.millis(90, 200, 90, 10);
    SimulationConfig config =
        SimulationConfig.of(profile, sla, Duration.ofSeconds(60))
            .withHorizon(Duration.ofSeconds(3600));
    List<Supplier<ScalingPolicy>> policies =
        List.of(
            () -> new StaticSplitPolicy(2, 2),
            () -> new DynamoSlaPolicy(profile, DynamoSettings.defaults(200, 10)),
            () -> new HpaPolicy(1.0, 0.15, 1, 64, 1, 1));
    return new Scenario(
        "dynamo-sinusoid",
        "sinusoid 5→45 req/s, period 600 s, 3600 s, ISL 3000 / OSL 300; p90 TTFT 200 ms, p90 ITL"
            + " 10 ms; H200 Llama-3.1-8B-FP8 TP1; start-up 60 s",
        new SinusoidArrivals(5, 45, 600, 3600, 3000, 300),
        config,
        policies,
        seed);
  }
}
