package dev.tandem.benchmarks.planner;

import dev.tandem.config.policy.Budget;
import dev.tandem.config.policy.Mode;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.config.policy.SlaPolicyLoader;
import dev.tandem.planner.Deployment;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.profiles.io.PerformanceProfileLoader;
import dev.tandem.profiles.model.PerformanceProfile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The Grove example policy on the H200 profile, read once from the repository (tandem.root). */
final class Fixtures {

  private Fixtures() {}

  static Path root() {
    return Path.of(System.getProperty("tandem.root", ".")).toAbsolutePath().normalize();
  }

  static PerformanceProfile h200() {
    return PerformanceProfileLoader.load(
        root().resolve("examples/profiles/h200-llama-3.1-8b-fp8-tp1.yaml"));
  }

  static SlaPolicy grove() {
    return new SlaPolicyLoader(List.of("PerformanceProfile", "GpuPool"))
        .load(root().resolve("examples/policies/grove-llama-3.1-8b-h200.yaml"))
        .policies()
        .get(0);
  }

  /** The Grove policy under another name, active, without a pool. */
  static Deployment deployment(SlaPolicy p, PerformanceProfile profile, String name) {
    SlaPolicy renamed =
        new SlaPolicy(
            name,
            p.namespace(),
            Mode.ACTIVE,
            p.sla(),
            p.roles(),
            new Budget(p.budget().maxGpus(), Optional.empty()),
            p.behavior(),
            p.forecast(),
            p.metrics(),
            p.origin(),
            p.nameLocation());
    return Deployment.of(renamed, profile, profile);
  }

  /** A healthy snapshot with observed latencies, so the correction step runs too. */
  static MetricsSnapshot snapshot(DeploymentKey key, Instant at, double rate) {
    return MetricsSnapshot.builder(key, at)
        .arrivalRate(rate)
        .inputTokens(3000, 3000.0 * 3000 * 1.25)
        .outputTokens(300, 300.0 * 300 * 1.5)
        .arrivalCv2(1.5)
        .ttftPercentileMillis(150)
        .itlPercentileMillis(8.5)
        .prefixCacheHitRate(0.2)
        .build();
  }
}
