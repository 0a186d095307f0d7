package dev.tandem.simulations;

import dev.tandem.profiles.io.PerformanceProfileLoader;
import dev.tandem.profiles.model.PerformanceProfile;
import java.nio.file.Path;

/** The repository's default profile, shared by the tests. */
public final class TestProfiles {

  private static PerformanceProfile h200;

  private TestProfiles() {}

  public static Path root() {
    return Path.of(System.getProperty("tandem.root", ".."));
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
}
