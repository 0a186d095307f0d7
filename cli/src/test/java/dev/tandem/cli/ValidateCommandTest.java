package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

  @TempDir Path tmp;

  @Test
  void theShippedExamplesAreValid() {
    CliRun run = CliRun.run("validate", CliRun.root().resolve("examples").toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("SlaPolicy inference/llama-8b (advisory): prefill 1..8 x 1 GPU")
        .contains("SlaPolicy inference/llama-70b (advisory): prefill 1..8 x 2 GPUs")
        .contains("decode 1..6 x 4 GPUs (LeaderWorkerSet llama-70b-decode)")
        .contains("PerformanceProfile h200-llama-3.1-8b-fp8-tp1 (H200-SXM")
        .contains("2 valid policies, 4 valid profiles: 0 errors");
  }

  @Test
  void brokenPoliciesFailWithEveryProblemAtItsLineAndColumn() {
    Path broken = CliRun.root().resolve("config/src/test/resources/broken");

    CliRun run = CliRun.run("validate", broken.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            broken.resolve("min-above-max.yaml")
                + ":19:7: spec.roles.decode.minReplicas: 9 is above maxReplicas 8")
        .contains("did you mean 'minReplicas'?");
    // every fixture contributes at least one error line
    try (var files = Files.list(broken)) {
      files.forEach(f -> assertThat(run.err()).as("errors of %s", f).contains(f.toString() + ":"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void gpusPerReplicaMustEqualTheProfilesGpusPerEngine() throws IOException {
    Path profile = CliRun.root().resolve("examples/profiles/h100-llama-3.3-70b-fp8-tp2.yaml");
    Path policy = tmp.resolve("mismatch.yaml");
    Files.writeString(policy, policyYaml(profile, 4));

    CliRun run = CliRun.run("validate", policy.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    // line 17 is the prefill role's gpusPerReplica, written at column 7
    assertThat(run.err())
        .contains(
            policy
                + ":17:7: spec.roles.prefill.gpusPerReplica: 4 does not match profile"
                + " h100-llama-3.3-70b-fp8-tp2, measured on engines of 2 GPUs (a replica is one"
                + " whole tensor-parallel group)");
    // decode (line 26) has the same mismatch; the policy is not reported as valid
    assertThat(run.err()).contains(policy + ":26:7: spec.roles.decode.gpusPerReplica: 4 does not");
    // a failed check reports on one stream: the count beside the errors it counts
    assertThat(run.err()).contains("0 valid policies, 0 valid profiles: 2 errors");
    assertThat(run.out()).doesNotContain("error");
  }

  @Test
  void aPolicyOnAnImplausibleProfileFailsAtItsProfileField() throws IOException {
    Path profile = tmp.resolve("h200-v1.yaml");
    CliRun imported =
        CliRun.run(
            "profile",
            "import",
            "--from-dynamo",
            CliRun.data()
                .resolve(
                    "dynamo-profiles/testdata__H200_TP1P_TP1D__vllm__nvidia_Llama-3.1-8B-Instruct-FP8__v1_2025-08-18")
                .toString(),
            "-o",
            profile.toString(),
            "--gpu",
            "H200-SXM",
            "--model",
            "nvidia/Llama-3.1-8B-Instruct-FP8",
            "--tp",
            "1",
            "--name",
            "h200-v1",
            "--model-parameters",
            "8.03e9",
            "--dtype",
            "fp8");
    assertThat(imported.exitCode()).as(imported.err()).isEqualTo(1);
    assertThat(imported.out()).contains("ERROR roofline");
    Path policy = tmp.resolve("on-v1.yaml");
    Files.writeString(policy, policyYaml(profile, 1).replace("maxGpus: 32", "maxGpus: 16"));

    CliRun run = CliRun.run("validate", policy.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    // line 19 is the prefill role's profile field
    assertThat(run.err())
        .contains(
            policy
                + ":19:7: spec.roles.prefill.profile: profile h200-v1 is implausible (13 errors;")
        .contains("the first: h200-v1 prefill[4] isl=4168: TTFT 24.42 ms implies")
        .contains(policy + ":27:7: spec.roles.decode.profile: profile h200-v1 is implausible");
    // the two errors and the summary that counts them
    assertThat(run.err().lines().count()).isEqualTo(3);
  }

  @Test
  void aMissingPathIsAnErrorNotAStackTrace() {
    CliRun run = CliRun.run("validate", tmp.resolve("nope.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("nope.yaml").doesNotContain("Exception");
  }

  @Test
  void noPathIsAUsageError() {
    assertThat(CliRun.run("validate").exitCode()).isEqualTo(2);
  }

  /** A policy whose prefill and decode both use {@code profile}; line numbers matter in tests. */
  private static String policyYaml(Path profile, int gpusPerReplica) {
    return """
        apiVersion: tandem.dev/v1alpha1
        kind: SlaPolicy
        metadata:
          name: mismatch
          namespace: inference
        spec:
          sla:
            ttft: {percentile: 90, target: 200ms}
            itl: {percentile: 90, target: 50ms}
          roles:
            prefill:
              target:
                kind: LeaderWorkerSet
                name: prefill
              minReplicas: 1
              maxReplicas: 4
              gpusPerReplica: %d
              # the profile field is on line 19
              profile: %s
            decode:
              target:
                kind: LeaderWorkerSet
                name: decode
              minReplicas: 1
              maxReplicas: 4
              gpusPerReplica: %d
              profile: %s
          budget:
            maxGpus: 32
        """
        .formatted(gpusPerReplica, profile, gpusPerReplica, profile);
  }
}
