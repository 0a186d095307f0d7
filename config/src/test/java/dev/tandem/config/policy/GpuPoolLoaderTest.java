package dev.tandem.config.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.yaml.Problem;
import dev.tandem.config.yaml.Problems;
import dev.tandem.config.yaml.YamlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuPoolLoaderTest {

  private static final Path EXAMPLES =
      Path.of(System.getProperty("tandem.root", "..")).resolve("examples/policies");

  @TempDir Path tmp;

  @Test
  void theExamplePoolLoadsAndTheLwsPolicyFindsIt() {
    Problems problems = new Problems();
    PolicySet set =
        new SlaPolicyLoader(List.of("PerformanceProfile", GpuPoolDefinition.KIND))
            .read(EXAMPLES, problems);
    List<GpuPoolDefinition> pools = GpuPoolLoader.read(set.otherDocuments(), problems);
    GpuPoolLoader.checkReferences(set.policies(), pools, problems);

    assertThat(problems.list()).isEmpty();
    assertThat(pools).extracting(GpuPoolDefinition::name).containsExactly("h100-shared");
    assertThat(pools.get(0).maxGpus()).isEqualTo(48);
  }

  @Test
  void aPolicyNamingAMissingPoolFailsAtItsPoolName() throws IOException {
    Problems problems = new Problems();
    PolicySet set =
        new SlaPolicyLoader().read(EXAMPLES.resolve("lws-llama-3.3-70b-h100.yaml"), problems);

    GpuPoolLoader.checkReferences(set.policies(), List.of(), problems);

    assertThat(problems.list()).hasSize(1);
    Problem p = problems.list().get(0);
    // line 50 of the example is `      name: h100-shared` inside spec.budget.pool
    assertThat(p.toString())
        .isEqualTo(
            EXAMPLES.resolve("lws-llama-3.3-70b-h100.yaml")
                + ":50:7: spec.budget.pool.name: 'h100-shared' names no GpuPool; define it in a"
                + " kind: GpuPool document");
  }

  @Test
  void brokenPoolsReportEveryProblemAtItsField() throws IOException {
    Path file =
        Files.writeString(
            tmp.resolve("pools.yaml"),
            """
            apiVersion: tandem.dev/v1alpha1
            kind: GpuPool
            metadata:
              name: Big_Pool
            spec:
              maxGpu: 8
            ---
            apiVersion: tandem.dev/v1alpha1
            kind: GpuPool
            metadata:
              name: a
            spec:
              maxGpus: 0
            ---
            apiVersion: tandem.dev/v1alpha1
            kind: GpuPool
            metadata:
              name: b
            spec:
              maxGpus: 4
            ---
            apiVersion: tandem.dev/v1alpha1
            kind: GpuPool
            metadata:
              name: b
            spec:
              maxGpus: 8
            """);
    Problems problems = new Problems();

    List<GpuPoolDefinition> pools = GpuPoolLoader.read(YamlFiles.readAll(file, problems), problems);

    assertThat(pools).extracting(GpuPoolDefinition::name).containsExactly("b");
    assertThat(problems.list())
        .hasSize(6)
        .extracting(Problem::toString)
        .anySatisfy(
            m -> assertThat(m).startsWith(file + ":4:3: metadata.name: 'Big_Pool' is not a DNS"))
        .anySatisfy(
            m -> assertThat(m).startsWith(file + ":6:3: spec.maxGpu: unknown field; did you mean"))
        .anySatisfy(m -> assertThat(m).isEqualTo(file + ":6:3: spec.maxGpus: is required"))
        .anySatisfy(
            m -> assertThat(m).isEqualTo(file + ":13:3: spec.maxGpus: 0 is below the minimum 1"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith(
                        file + ":25:3: metadata.name: GpuPool b is defined more than once"));
  }

  @Test
  void aPoolSmallerThanItsMembersMinimumsFailsAtThePool() throws IOException {
    Problems problems = new Problems();
    PolicySet set =
        new SlaPolicyLoader().read(EXAMPLES.resolve("lws-llama-3.3-70b-h100.yaml"), problems);
    Path file =
        Files.writeString(
            tmp.resolve("pool.yaml"),
            """
            apiVersion: tandem.dev/v1alpha1
            kind: GpuPool
            metadata:
              name: h100-shared
            spec:
              maxGpus: 5
            """);
    List<GpuPoolDefinition> pools = GpuPoolLoader.read(YamlFiles.readAll(file, problems), problems);

    GpuPoolLoader.checkReferences(set.policies(), pools, problems);

    // the LWS example needs prefill 1 x 2 GPUs + decode 1 x 4 GPUs = 6 at minReplicas
    assertThat(problems.list())
        .extracting(Problem::toString)
        .containsExactly(
            file
                + ":1:1: spec.maxGpus: 5 is below 6, the GPUs its members need at minReplicas"
                + " (inference/llama-70b 6)");
  }
}
