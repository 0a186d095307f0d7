package dev.tandem.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.PolicySet;
import dev.tandem.config.policy.SlaPolicyLoader;
import dev.tandem.config.yaml.Problems;
import dev.tandem.profiles.binding.BoundPolicies;
import dev.tandem.profiles.binding.PolicyProfileBinder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A policy and a profile given in values come out of the rendered ConfigMaps byte for byte, laid
 * out as the pod mounts them, and validate together as `tandem validate` checks them.
 */
class PolicyRoundTripTest {

  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  @Test
  void aPolicyWrittenInValuesValidatesFromTheRenderedConfigMaps(@TempDir Path mount)
      throws IOException {
    String policy = Files.readString(EXAMPLES.resolve("policies/grove-llama-3.1-8b-h200.yaml"));
    String profile = Files.readString(EXAMPLES.resolve("profiles/h200-llama-3.1-8b-fp8-tp1.yaml"));
    String values =
        "policies:\n  files:\n    llama.yaml: |\n"
            + indent(policy)
            + "profiles:\n  files:\n    h200-llama-3.1-8b-fp8-tp1.yaml: |\n"
            + indent(profile);

    List<HasMetadata> objects = Chart.objects(values);
    Map<String, String> policies = Chart.one(objects, ConfigMap.class, "tandem-policies").getData();
    Map<String, String> profiles = Chart.one(objects, ConfigMap.class, "tandem-profiles").getData();
    assertThat(policies.get("llama.yaml")).isEqualTo(policy);
    assertThat(profiles.get("h200-llama-3.1-8b-fp8-tp1.yaml")).isEqualTo(profile);

    // the pod's layout: /etc/tandem/policies and /etc/tandem/profiles side by side
    write(mount.resolve("policies"), policies);
    write(mount.resolve("profiles"), profiles);
    Problems problems = new Problems();
    PolicySet set =
        new SlaPolicyLoader(List.of("PerformanceProfile", "GpuPool"))
            .read(mount.resolve("policies"), problems);
    BoundPolicies bound = PolicyProfileBinder.bind(set, problems);
    assertThat(problems.list()).isEmpty();
    assertThat(bound.bound()).hasSize(1);
  }

  private static void write(Path dir, Map<String, String> files) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue());
    }
  }

  private static String indent(String text) {
    StringBuilder out = new StringBuilder();
    text.lines().forEach(l -> out.append("      ").append(l).append('\n'));
    return out.toString();
  }
}
