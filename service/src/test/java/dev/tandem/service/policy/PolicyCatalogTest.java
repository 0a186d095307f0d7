package dev.tandem.service.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.yaml.Problem;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.service.ConfigMapDirectory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCatalogTest {

  static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");
  static final String PROFILE = ConfigMapDirectory.fixture("h200-llama-3.1-8b-fp8-tp1.yaml");
  static final String LLAMA = ConfigMapDirectory.fixture("llama-8b.yaml");
  static final String OTHER = ConfigMapDirectory.fixture("other.yaml");

  @TempDir Path dir;

  @Test
  void readsAConfigMapMountOnceAndSkipsItsDotDirectories() {
    ConfigMapDirectory cm = new ConfigMapDirectory(dir);
    String profileKey = "h200-llama-3.1-8b-fp8-tp1.yaml";
    cm.publish(Map.of("a.yaml", LLAMA, "b.yaml", OTHER, profileKey, PROFILE));
    PolicyCatalog catalog = new PolicyCatalog(dir);
    assertThat(catalog.refresh(T0)).isTrue();
    // each policy once, although the files also exist under ..2026_12_04_N/ and ..data/
    assertThat(catalog.current().deployments()).hasSize(2);
    assertThat(catalog.current().rejected()).isEmpty();
    assertThat(catalog.refresh(T0)).as("nothing changed").isFalse();
    assertThat(catalog.current().generation()).isEqualTo(1);
  }

  @Test
  void anInvalidFileKeepsItsLastGoodVersionAndIsReportedAtItsField() {
    ConfigMapDirectory cm = new ConfigMapDirectory(dir);
    cm.publish(Map.of("a.yaml", LLAMA, "b.yaml", OTHER, "h200-llama-3.1-8b-fp8-tp1.yaml", PROFILE));
    PolicyCatalog catalog = new PolicyCatalog(dir);
    catalog.refresh(T0);
    cm.publish(
        Map.of(
            "a.yaml", LLAMA.replace("maxGpus: 16", "maxGpus: many"),
            "b.yaml", OTHER.replace("maxGpus: 16", "maxGpus: 12"),
            "h200-llama-3.1-8b-fp8-tp1.yaml", PROFILE));
    assertThat(catalog.refresh(T0.plusSeconds(2))).isTrue();
    PolicyCatalog.Catalog c = catalog.current();
    assertThat(
            c.find(new DeploymentKey("inference", "llama-8b"))
                .orElseThrow()
                .policy()
                .budget()
                .maxGpus())
        .isEqualTo(16);
    assertThat(
            c.find(new DeploymentKey("inference", "other"))
                .orElseThrow()
                .policy()
                .budget()
                .maxGpus())
        .isEqualTo(12);
    List<Problem> problems = c.rejected().get(dir.resolve("a.yaml").toString());
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).path()).isEqualTo("spec.budget.maxGpus");
    assertThat(problems.get(0).where().line()).isEqualTo(21); // "    maxGpus: many"
  }

  @Test
  void aDuplicateNameInAnotherFileIsReportedNotRun() {
    ConfigMapDirectory cm = new ConfigMapDirectory(dir);
    cm.publish(
        Map.of(
            "a.yaml", LLAMA,
            "b.yaml", LLAMA.replace("llama-8b-0-", "copy-0-"),
            "h200-llama-3.1-8b-fp8-tp1.yaml", PROFILE));
    PolicyCatalog catalog = new PolicyCatalog(dir);
    catalog.refresh(T0);
    assertThat(catalog.current().deployments()).hasSize(1);
    assertThat(catalog.current().deployments().get(0).policy().origin().source())
        .endsWith("a.yaml");
    assertThat(catalog.current().rejected().get(dir.resolve("b.yaml").toString()))
        .singleElement()
        .asString()
        .contains("metadata.name: policy inference/llama-8b is already defined at");
  }

  @Test
  void aMissingDirectoryIsAProblemNotACrash() {
    PolicyCatalog catalog = new PolicyCatalog(dir.resolve("absent"));
    assertThat(catalog.refresh(T0)).isTrue();
    assertThat(catalog.current().loaded()).isTrue();
    assertThat(catalog.current().deployments()).isEmpty();
    assertThat(catalog.current().rejected().values())
        .singleElement()
        .asString()
        .contains("the policy directory does not exist");
  }
}
