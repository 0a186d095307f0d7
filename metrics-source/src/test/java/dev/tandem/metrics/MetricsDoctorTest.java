package dev.tandem.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.metrics.VllmScript.Target;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor makes a wrong model label obvious in one run. */
class MetricsDoctorTest {

  static final Instant NOW = Instant.ofEpochSecond(1_700_000_005);
  static final String REAL = "meta-llama/Llama-3.1-8B-Instruct";

  @TempDir Path dir;
  ScriptedPrometheus server;

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aWrongModelNameIsNamedWithTheValuesThatExist() throws Exception {
    // Prometheus has the engine's series under the served model name, the policy says "llama"
    server = new ScriptedPrometheus(new VllmScript(new Target("inference", REAL)));
    server.labels(
        uri -> {
          String values = uri.contains("/label/model_name/") ? "\"" + REAL + "\"" : "\"inference\"";
          return "{\"status\":\"success\",\"data\":[" + values + "]}";
        });
    List<SlaPolicy> policies =
        TestPolicies.load(
            dir,
            TestPolicies.yaml("inference", "llama", "{preset: vllm, labels: {model_name: llama}}"));

    MetricsDoctor.Report report =
        new MetricsDoctor(PrometheusSettings.of(server.uri("").toString())).check(policies, NOW);

    assertThat(report.allOk()).isFalse();
    assertThat(report.text())
        .contains("inference/llama  preset vllm, window 60s, labels {model_name=llama}")
        .contains("requestRate                MISSING")
        .contains(
            "hint: 0 series: no metric vllm:request_success_total with model_name=\"llama\"; found"
                + " model_name values: [\"meta-llama/Llama-3.1-8B-Instruct\"]")
        .contains("promql: sum by (namespace, model_name) (rate(vllm:request_success_total{")
        .contains("1 policy, 14 queries (14 HTTP calls)");
    assertThat(server.received())
        .extracting(ScriptedPrometheus.Received::path)
        .anyMatch(
            p -> p.contains("/api/v1/label/model_name/values?match[]=vllm:request_success_total"));
  }

  @Test
  void aHealthyDeploymentIsAllOkWithItsValues() throws Exception {
    server = new ScriptedPrometheus(new VllmScript(new Target("inference", "m")));
    List<SlaPolicy> policies =
        TestPolicies.load(
            dir,
            TestPolicies.yaml("inference", "llama", "{preset: vllm, labels: {model_name: m}}"));
    MetricsDoctor.Report report =
        new MetricsDoctor(PrometheusSettings.of(server.uri("").toString())).check(policies, NOW);
    assertThat(report.allOk()).isTrue();
    assertThat(report.text())
        .contains("requestRate                OK      12.00/s")
        .contains("ttftPercentile             OK      233.3 ms")
        .contains("histogram_quantile(0.9) = 233.3 ms, in bucket (100, 250] ms; LOW CONFIDENCE")
        .doesNotContain("hint:");
  }
}
