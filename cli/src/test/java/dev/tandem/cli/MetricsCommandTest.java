package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class MetricsCommandTest {

  static final String POLICY =
      CliRun.root().resolve("examples/policies/grove-llama-3.1-8b-h200.yaml").toString();

  @Test
  void aPrometheusThatIsDownReadsMissingForEverySignalAndExitsOne() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    CliRun run =
        CliRun.run(
            "metrics",
            "check",
            "--policy",
            POLICY,
            "--prometheus",
            "http://127.0.0.1:" + port,
            "--timeout",
            "0.5",
            "--retries",
            "1");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("inference/llama-8b  preset dynamo, window 60s")
        .contains("requestRate                MISSING")
        .contains(
            "connection refused by http://127.0.0.1:" + port + "/api/v1/query (after 2 attempts)")
        .contains("promql: sum by (namespace, model) (rate(dynamo_frontend_requests_total{")
        .doesNotContain(" OK ");
  }

  @Test
  void aBadUrlIsAUsageError() {
    CliRun run =
        CliRun.run("metrics", "check", "--policy", POLICY, "--prometheus", "prometheus:9090");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--prometheus: prometheus URL must be http:// or https://");
  }
}
