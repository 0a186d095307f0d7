package dev.tandem.planner;

import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.config.policy.SlaPolicyLoader;
import dev.tandem.profiles.io.PerformanceProfileLoader;
import dev.tandem.profiles.model.PerformanceProfile;
import java.nio.file.Path;
import java.util.List;

/** The shipped example policies and the shared H200 profile, loaded once per test JVM. */
public final class Examples {

  private static PerformanceProfile h200;
  private static SlaPolicy grove;

  private Examples() {}

  /** The repository root (surefire sets tandem.root). */
  public static Path root() {
    return Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize();
  }

  /** examples/profiles/h200-llama-3.1-8b-fp8-tp1.yaml */
  public static synchronized PerformanceProfile h200() {
    if (h200 == null) {
      h200 =
          PerformanceProfileLoader.load(
              root().resolve("examples/profiles/h200-llama-3.1-8b-fp8-tp1.yaml"));
    }
    return h200;
  }

  /**
   * examples/policies/grove-llama-3.1-8b-h200.yaml: TTFT p90 ≤ 200 ms, ITL p90 ≤ 10 ms, prefill
   * 1..8, decode 1..12, 16 GPUs, TP1, startup 2m, prefill 30s/+4/5m, decode 60s/+2/10m.
   */
  public static synchronized SlaPolicy grove() {
    if (grove == null) {
      grove =
          new SlaPolicyLoader(List.of("PerformanceProfile", "GpuPool"))
              .load(root().resolve("examples/policies/grove-llama-3.1-8b-h200.yaml"))
              .policies()
              .get(0);
    }
    return grove;
  }

  /** The grove policy on the H200 profile. */
  public static Deployment groveDeployment() {
    return Deployment.of(grove(), h200(), h200());
  }
}
