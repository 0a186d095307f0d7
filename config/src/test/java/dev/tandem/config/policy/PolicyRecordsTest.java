package dev.tandem.config.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.config.yaml.SourceLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The records check their own invariants, with the same words as the loader. */
class PolicyRecordsTest {

  private static final SourceLocation CODE = SourceLocation.ofSource("<code>");

  record Case(String name, Supplier<Object> build, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> invalid() {
    return Stream.of(
        new Case(
            "percentile 100",
            () -> new LatencyObjective(100, Duration.ofMillis(200)),
            "percentile: 100 is outside (0, 100), exclusive"),
        new Case(
            "zero target",
            () -> new LatencyObjective(90, Duration.ZERO),
            "target: 0 must be a positive duration"),
        new Case(
            "min above max",
            () -> engine(Role.DECODE, 1, 9, 8),
            "minReplicas: 9 is above maxReplicas 8"),
        new Case(
            "min zero",
            () -> engine(Role.PREFILL, 1, 0, 8),
            "minReplicas: 0 is below the minimum 1 (scale-to-zero is out of scope: every role"
                + " keeps at least one replica)"),
        new Case(
            "engine without GPUs",
            () -> engine(Role.PREFILL, 0, 1, 8),
            "gpusPerReplica: 0 is below the minimum 1"),
        new Case(
            "router as engine",
            () -> engine(Role.ROUTER, 1, 1, 8),
            "role: router is not an engine role"),
        new Case(
            "interval 2s",
            () ->
                new RoleBehavior(Duration.ofSeconds(2), 1, Duration.ZERO, 0, Duration.ofMinutes(1)),
            "interval: 2s is below the minimum 5s"),
        new Case(
            "tolerance 0.5",
            () ->
                new RoleBehavior(
                    Duration.ofSeconds(30), 1, Duration.ZERO, 0.5, Duration.ofMinutes(1)),
            "tolerance: 0.5 is outside [0, 0.5)"),
        new Case(
            "quantile 1",
            () -> new ForecastSettings(ForecastModel.AUTO, Optional.empty(), 1),
            "quantile: 1 is outside (0.5, 1), exclusive"),
        new Case(
            "window 5s",
            () ->
                new MetricsSettings(MetricsPreset.VLLM, Duration.ofSeconds(5), Map.of(), Map.of()),
            "window: 5s is below the minimum 10s"),
        new Case(
            "Dynamo graph without service",
            () ->
                new ScaleTarget(
                    "nvidia.com/v1alpha1", "DynamoGraphDeployment", "g", "ns", Optional.empty()),
            "service: is required for kind DynamoGraphDeployment"),
        new Case(
            "wrong apiVersion of a known kind",
            () -> new ScaleTarget("apps/v2", "Deployment", "d", "ns", Optional.empty()),
            "apiVersion: 'apps/v2' is not apps/v1 of Deployment"),
        new Case(
            "budget below minimums",
            () -> policy(new Budget(1, Optional.empty())),
            "spec.budget.maxGpus: 1 is below 2, the GPUs the roles need at minReplicas (prefill"
                + " 1×1 + decode 1×1)"),
        new Case(
            "pool name",
            () -> new GpuPool("H100", 0),
            "name: 'H100' is not a DNS-1123 label: lower-case letters, digits and '-', starting"
                + " and ending with a letter or digit, at most 63 characters"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejectsInvalidValues(Case c) {
    assertThatThrownBy(c.build()::get)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(c.message());
  }

  @Test
  void aValidPolicyCanBeBuiltInCode() {
    SlaPolicy policy = policy(new Budget(4, Optional.of(new GpuPool("h200", 10))));

    assertThat(policy.key()).isEqualTo("default/p");
    assertThat(policy.roles().all()).hasSize(2);
    assertThat(policy.roles().decode().path("gpusPerReplica"))
        .isEqualTo("spec.roles.decode.gpusPerReplica");
  }

  private static EngineRole engine(Role role, int gpus, int min, int max) {
    return new EngineRole(
        role,
        ScaleTarget.of(TargetKind.POD_CLIQUE, "p-" + role.yamlName(), "default"),
        gpus,
        min,
        max,
        Path.of("profile.yaml"),
        CODE,
        CODE,
        CODE);
  }

  private static SlaPolicy policy(Budget budget) {
    return new SlaPolicy(
        "p",
        "default",
        Mode.ADVISORY,
        new SlaObjectives(
            new LatencyObjective(90, Duration.ofMillis(200)),
            new LatencyObjective(90, Duration.ofMillis(10))),
        new Roles(engine(Role.PREFILL, 1, 1, 4), engine(Role.DECODE, 1, 1, 4), Optional.empty()),
        budget,
        Behavior.defaults(Duration.ofMinutes(3)),
        ForecastSettings.defaults(),
        MetricsSettings.defaults(),
        CODE,
        CODE);
  }
}
