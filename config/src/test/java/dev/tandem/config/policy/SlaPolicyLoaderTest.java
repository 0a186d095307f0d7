package dev.tandem.config.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.config.yaml.InvalidInputException;
import dev.tandem.config.yaml.Problem;
import dev.tandem.config.yaml.Problems;
import dev.tandem.config.yaml.SourceLocation;
import dev.tandem.config.yaml.YamlDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example policies of {@code examples/policies}, copied with placeholder profiles into a
 * temporary tree of the same shape, so these tests do not depend on the real profile files.
 */
class SlaPolicyLoaderTest {

  private static final Path EXAMPLES =
      Path.of(System.getProperty("tandem.root", "..")).resolve("examples/policies");
  private static final String GROVE = "grove-llama-3.1-8b-h200.yaml";
  private static final String LWS = "lws-llama-3.3-70b-h100.yaml";

  @TempDir Path root;
  Path policies;

  @BeforeEach
  void copyExamples() throws IOException {
    policies = Files.createDirectories(root.resolve("policies"));
    Files.copy(EXAMPLES.resolve(GROVE), policies.resolve(GROVE));
    Files.copy(EXAMPLES.resolve(LWS), policies.resolve(LWS));
    Path profiles = Files.createDirectories(root.resolve("profiles"));
    for (String profile :
        List.of(
            "h200-llama-3.1-8b-fp8-tp1.yaml",
            "h100-llama-3.3-70b-fp8-tp2.yaml",
            "h100-llama-3.3-70b-fp8-tp4.yaml")) {
      Files.writeString(
          profiles.resolve(profile),
          "# placeholder\napiVersion: tandem.dev/v1alpha1\nkind: PerformanceProfile\n");
    }
  }

  @Test
  void groveExampleLoadsWithDefaultsFilledIn() {
    SlaPolicy policy = single(new SlaPolicyLoader().load(policies.resolve(GROVE)));

    assertThat(policy.key()).isEqualTo("inference/llama-8b");
    assertThat(policy.mode()).isEqualTo(Mode.ADVISORY);
    assertThat(policy.sla().ttft()).isEqualTo(new LatencyObjective(90, Duration.ofMillis(200)));
    assertThat(policy.sla().itl()).isEqualTo(new LatencyObjective(90, Duration.ofMillis(10)));
    assertThat(policy.sla().ttft().quantile()).isEqualTo(0.9);

    EngineRole prefill = policy.roles().prefill();
    assertThat(prefill.target())
        .isEqualTo(
            new ScaleTarget(
                "grove.io/v1alpha1",
                "PodClique",
                "llama-8b-0-prefill",
                "inference",
                Optional.empty()));
    assertThat(List.of(prefill.gpusPerReplica(), prefill.minReplicas(), prefill.maxReplicas()))
        .containsExactly(1, 1, 8);
    assertThat(prefill.profile())
        .isEqualTo(root.resolve("profiles/h200-llama-3.1-8b-fp8-tp1.yaml"));
    assertThat(prefill.profileLocation())
        .isEqualTo(new SourceLocation(policies.resolve(GROVE).toString(), 38, 7));
    assertThat(prefill.gpusPerReplicaLocation())
        .isEqualTo(new SourceLocation(policies.resolve(GROVE).toString(), 33, 7));
    assertThat(policy.roles().decode().target().name()).isEqualTo("llama-8b-0-decode");
    assertThat(policy.roles().decode().maxReplicas()).isEqualTo(12);
    assertThat(policy.roles().router()).isEmpty();
    assertThat(policy.roles().minimumGpus()).isEqualTo(2);

    assertThat(policy.budget()).isEqualTo(new Budget(16, Optional.empty()));
    Behavior behavior = policy.behavior();
    assertThat(behavior.startupTime()).isEqualTo(Duration.ofMinutes(2));
    assertThat(behavior.prefill())
        .isEqualTo(
            new RoleBehavior(
                Duration.ofSeconds(30), 4, Duration.ofMinutes(5), 0.1, Duration.ofMinutes(2)));
    assertThat(behavior.decode())
        .isEqualTo(
            new RoleBehavior(
                Duration.ofSeconds(60), 2, Duration.ofMinutes(10), 0.1, Duration.ofMinutes(2)));
    assertThat(policy.forecast())
        .isEqualTo(new ForecastSettings(ForecastModel.AUTO, Optional.empty(), 0.9));
    assertThat(policy.forecast().horizonFor(behavior.prefill())).isEqualTo(Duration.ofSeconds(150));
    assertThat(policy.forecast().horizonFor(behavior.decode())).isEqualTo(Duration.ofMinutes(3));
    assertThat(policy.metrics())
        .isEqualTo(
            new MetricsSettings(
                MetricsPreset.DYNAMO,
                Duration.ofMinutes(1),
                Map.of("model", "meta-llama/Llama-3.1-8B-Instruct"),
                Map.of()));
    assertThat(policy.origin())
        .isEqualTo(new SourceLocation(policies.resolve(GROVE).toString(), 11, 1));
  }

  @Test
  void lwsExampleLoadsWithTensorParallelGroupsAndAPool() {
    SlaPolicy policy = single(new SlaPolicyLoader().load(policies.resolve(LWS)));

    assertThat(policy.key()).isEqualTo("inference/llama-70b");
    EngineRole prefill = policy.roles().prefill();
    EngineRole decode = policy.roles().decode();
    assertThat(prefill.target().apiVersion()).isEqualTo("leaderworkerset.x-k8s.io/v1");
    assertThat(prefill.target().toString())
        .isEqualTo("LeaderWorkerSet inference/llama-70b-prefill");
    assertThat(List.of(prefill.gpusPerReplica(), prefill.minReplicas(), prefill.maxReplicas()))
        .containsExactly(2, 1, 8);
    assertThat(List.of(decode.gpusPerReplica(), decode.minReplicas(), decode.maxReplicas()))
        .containsExactly(4, 1, 6);
    assertThat(decode.profile())
        .isEqualTo(root.resolve("profiles/h100-llama-3.3-70b-fp8-tp4.yaml"));
    assertThat(policy.roles().minimumGpus()).isEqualTo(6);
    assertThat(policy.budget().maxGpus()).isEqualTo(32);
    GpuPool pool = policy.budget().pool().orElseThrow();
    assertThat(List.of(pool.name(), pool.priority())).containsExactly("h100-shared", 100);
    assertThat(pool.nameLocation().line()).isPositive();
    // decode overrides one field; the rest are decode's defaults with the policy's startup time
    assertThat(policy.behavior().decode())
        .isEqualTo(
            new RoleBehavior(
                Duration.ofSeconds(60), 1, Duration.ofMinutes(10), 0.1, Duration.ofMinutes(5)));
    assertThat(policy.behavior().prefill().interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.forecast())
        .isEqualTo(
            new ForecastSettings(
                ForecastModel.HOLT_WINTERS, Optional.of(Duration.ofMinutes(6)), 0.95));
    assertThat(policy.forecast().horizonFor(policy.behavior().prefill()))
        .isEqualTo(Duration.ofMinutes(6));
    assertThat(policy.metrics().preset()).isEqualTo(MetricsPreset.VLLM);
    assertThat(policy.metrics().window()).isEqualTo(Duration.ofMinutes(2));
    assertThat(policy.metrics().queries())
        .containsOnlyKeys(MetricSignal.REQUEST_RATE)
        .containsValue("sum(rate(gateway_requests_total{route=\"llama-70b\"}[2m]))");
  }

  @Test
  void aMinimalPolicyGetsEveryDefault() throws IOException {
    Path file =
        write(
            "minimal.yaml",
            """
            apiVersion: tandem.dev/v1alpha1
            kind: SlaPolicy
            metadata: {name: tiny}
            spec:
              sla:
                ttft: {percentile: 99, target: 1s}
                itl: {percentile: 50, target: 20ms}
              roles:
                prefill:
                  target: {kind: Deployment, name: tiny-prefill}
                  maxReplicas: 2
                  profile: ../profiles/h200-llama-3.1-8b-fp8-tp1.yaml
                decode:
                  target: {kind: DynamoGraphDeployment, name: tiny, service: Decode}
                  maxReplicas: 2
                  profile: ../profiles/h200-llama-3.1-8b-fp8-tp1.yaml
                router:
                  target: {kind: Rollout, apiVersion: argoproj.io/v1alpha1, name: tiny-router}
                  maxReplicas: 3
                  requestsPerSecondPerReplica: 500
              budget: {maxGpus: 2}
            """);

    SlaPolicy policy = single(new SlaPolicyLoader().load(file));

    assertThat(policy.namespace()).isEqualTo("default");
    assertThat(policy.mode()).isEqualTo(Mode.ADVISORY);
    assertThat(policy.roles().prefill().target().namespace()).isEqualTo("default");
    assertThat(policy.roles().prefill().target().apiVersion()).isEqualTo("apps/v1");
    assertThat(policy.roles().prefill().minReplicas()).isEqualTo(1);
    assertThat(policy.roles().prefill().gpusPerReplica()).isEqualTo(1);
    assertThat(policy.roles().decode().target().service()).contains("Decode");
    RouterRole router = policy.roles().router().orElseThrow();
    assertThat(router.target().identity()).isEqualTo("Rollout.argoproj.io default/tiny-router");
    assertThat(router.gpusPerReplica()).isZero();
    assertThat(router.requestsPerSecondPerReplica()).isEqualTo(500);
    assertThat(policy.behavior()).isEqualTo(Behavior.defaults(Duration.ofMinutes(3)));
    assertThat(policy.behavior().router().interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.forecast()).isEqualTo(ForecastSettings.defaults());
    assertThat(policy.metrics()).isEqualTo(MetricsSettings.defaults());
    assertThat(policy.metrics().preset()).isEqualTo(MetricsPreset.VLLM);
    assertThat(policy.budget().pool()).isEmpty();
  }

  @Test
  void aDirectoryIsReadRecursivelyInPathOrderAndOtherKindsPassThrough() throws IOException {
    Files.createDirectories(policies.resolve("more"));
    Files.writeString(
        policies.resolve("more/profile.yml"),
        "apiVersion: tandem.dev/v1alpha1\nkind: PerformanceProfile\nmetadata: {name: p}\n");
    Files.writeString(policies.resolve("notes.txt"), "not yaml, not read");

    PolicySet set = new SlaPolicyLoader(List.of("PerformanceProfile")).load(root);

    assertThat(set.policies()).extracting(SlaPolicy::name).containsExactly("llama-8b", "llama-70b");
    assertThat(set.find("inference", "llama-70b")).isPresent();
    // the three placeholder profiles of the fixture and more/profile.yml, in path order
    assertThat(set.otherDocuments()).hasSize(4);
    assertThat(set.otherDocuments())
        .allSatisfy(d -> assertThat(SlaPolicyLoader.kindOf(d)).contains("PerformanceProfile"));
    assertThat(set.otherDocuments().get(0).source()).endsWith("more/profile.yml");
  }

  @Test
  void aStrictLoaderRejectsKindsItWasNotTold() throws IOException {
    Path file = write("other.yaml", "apiVersion: tandem.dev/v1alpha1\nkind: PerformanceProfil\n");

    assertThatThrownBy(() -> new SlaPolicyLoader(List.of("PerformanceProfile")).load(file))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems().stream().map(Problem::toString))
                    .containsExactly(
                        file
                            + ":2:1: kind: 'PerformanceProfil' is not a known kind (did you mean"
                            + " 'PerformanceProfile'?); known: SlaPolicy, PerformanceProfile"));
    assertThat(new SlaPolicyLoader().load(file).otherDocuments()).hasSize(1);
  }

  @Test
  void duplicateNamesAndSharedTargetsAcrossFilesAreReportedAtBothPlaces() throws IOException {
    Path copy = policies.resolve("copy.yaml");
    Files.writeString(
        copy,
        Files.readString(policies.resolve(GROVE)).replace("llama-8b-0-decode", "other-decode"));

    Problems problems = new Problems();
    new SlaPolicyLoader().read(policies, problems);

    String grove = policies.resolve(GROVE).toString();
    assertThat(problems.list().stream().map(Problem::toString))
        .containsExactly(
            copy
                + ":14:3: metadata.name: policy inference/llama-8b is defined more than once;"
                + " another definition is at "
                + grove
                + ":14:3",
            grove
                + ":14:3: metadata.name: policy inference/llama-8b is defined more than once;"
                + " another definition is at "
                + copy
                + ":14:3",
            copy
                + ":30:7: spec.roles.prefill.target: PodClique inference/llama-8b-0-prefill is"
                + " also the target of spec.roles.prefill of policy inference/llama-8b at "
                + grove
                + ":30:7; one object can have one replica count only",
            grove
                + ":30:7: spec.roles.prefill.target: PodClique inference/llama-8b-0-prefill is"
                + " also the target of spec.roles.prefill of policy inference/llama-8b at "
                + copy
                + ":30:7; one object can have one replica count only");
  }

  @Test
  void oneDocumentCanBeLoadedOnItsOwn() throws IOException {
    var documents = YamlDocuments.read(policies.resolve(LWS));
    assertThat(documents).hasSize(1);
    assertThat(SlaPolicyLoader.isPolicy(documents.get(0))).isTrue();

    Problems problems = new Problems();
    Optional<SlaPolicy> policy = new SlaPolicyLoader().loadDocument(documents.get(0), problems);

    assertThat(problems.isEmpty()).isTrue();
    assertThat(policy).map(SlaPolicy::name).contains("llama-70b");
  }

  @Test
  void aMissingPathIsOneProblem() {
    assertThatThrownBy(() -> new SlaPolicyLoader().load(root.resolve("nope")))
        .hasMessageEndingWith(root.resolve("nope") + ": does not exist");
  }

  @Test
  void theExamplesLoadInPlaceWithTheShippedProfiles() {
    PolicySet set = new SlaPolicyLoader().load(EXAMPLES);

    assertThat(set.policies()).extracting(SlaPolicy::name).containsExactly("llama-8b", "llama-70b");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(policies.resolve(name), content);
  }

  private static SlaPolicy single(PolicySet set) {
    assertThat(set.policies()).hasSize(1);
    assertThat(set.otherDocuments()).isEmpty();
    return set.policies().get(0);
  }
}
