package dev.tandem.metrics;

import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.config.policy.SlaPolicyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Real policy files for tests, written next to a copy of the H200 Llama-3.1-8B profile. */
final class TestPolicies {

  static final String PROFILE = "h200-llama-3.1-8b-fp8-tp1.yaml";

  private TestPolicies() {}

  /** Copies the profile into {@code dir} and returns its path. */
  static Path profile(Path dir) {
    Path p = dir.resolve(PROFILE);
    if (!Files.exists(p)) {
      try (InputStream in = TestPolicies.class.getResourceAsStream(PROFILE)) {
        Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return p;
  }

  /**
   * The YAML of a policy with the given metrics section (one flow mapping, e.g. {preset: vllm}).
   */
  static String yaml(String namespace, String name, String metrics) {
    return String.join(
        "\n",
        "apiVersion: tandem.dev/v1alpha1",
        "kind: SlaPolicy",
        "metadata: {name: " + name + ", namespace: " + namespace + "}",
        "spec:",
        "  sla:",
        "    ttft: {percentile: 90, target: 200ms}",
        "    itl: {percentile: 90, target: 25ms}",
        "  roles:",
        "    prefill: {target: {kind: Deployment, name: " + name + "-prefill}, maxReplicas: 8,",
        "              profile: " + PROFILE + "}",
        "    decode: {target: {kind: Deployment, name: " + name + "-decode}, maxReplicas: 8,",
        "             profile: " + PROFILE + "}",
        "  budget: {maxGpus: 16}",
        "  behavior: {startupTime: 30s, prefill: {interval: 5s}, decode: {interval: 5s}}",
        "  metrics: " + metrics,
        "");
  }

  /** Writes the documents to one file in {@code dir} and loads them. */
  static List<SlaPolicy> load(Path dir, String... documents) {
    profile(dir);
    Path file = dir.resolve("policies.yaml");
    try {
      Files.writeString(file, String.join("---\n", documents));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SlaPolicyLoader().load(file).policies();
  }
}
