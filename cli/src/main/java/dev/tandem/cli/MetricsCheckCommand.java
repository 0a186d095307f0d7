package dev.tandem.cli;

import dev.tandem.config.policy.GpuPoolDefinition;
import dev.tandem.config.policy.PolicySet;
import dev.tandem.config.policy.SlaPolicyLoader;
import dev.tandem.config.yaml.Problems;
import dev.tandem.metrics.MetricsDoctor;
import dev.tandem.metrics.PrometheusSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tandem metrics check --policy FILE --prometheus URL}: runs every query of every policy
 * once and prints, per signal, the PromQL sent, the series that matched, the value, its health and
 * why ({@link MetricsDoctor}).
 */
@Command(
    name = "check",
    description = {
      "Run every Prometheus query of every policy once and show what each signal reads.",
      "Per signal: the PromQL sent, the series matched, the value, its health and why; when a",
      "query finds nothing, the label values that do exist. Exit status: 0 every signal OK, 1",
      "some signal STALE or MISSING or an invalid policy, 2 usage error."
    })
final class MetricsCheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--policy",
      required = true,
      paramLabel = "FILE",
      description = "SLA policy file or directory.")
  Path policy;

  @Option(
      names = "--prometheus",
      required = true,
      paramLabel = "URL",
      description = "Prometheus API root, with any path prefix (Thanos, Mimir, a proxy).")
  String prometheus;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description = "Timeout of each query attempt (default ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  @Option(
      names = "--retries",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Retries after a timeout, refused connection or 5xx (default ${DEFAULT-VALUE}).")
  int retries;

  @Option(
      names = "--bearer-token-file",
      paramLabel = "FILE",
      description = "File holding a bearer token.")
  Path tokenFile;

  @Option(names = "--ca-file", paramLabel = "FILE", description = "PEM CA certificates to trust.")
  Path caFile;

  @Override
  public Integer call() {
    PrometheusSettings settings;
    try {
      PrometheusSettings.Builder b =
          PrometheusSettings.builder(URI.create(prometheus))
              .timeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)))
              .retries(retries);
      if (tokenFile != null) {
        b.bearerTokenFile(tokenFile);
      }
      if (caFile != null) {
        b.caFile(caFile);
      }
      settings = b.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--prometheus: " + e.getMessage());
    }
    Problems problems = new Problems();
    PolicySet set =
        new SlaPolicyLoader(List.of(ProfileDocuments.KIND, GpuPoolDefinition.KIND))
            .read(policy, problems);
    problems.throwIfAny();
    if (set.policies().isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no SlaPolicy in " + policy);
    }
    MetricsDoctor.Report report = new MetricsDoctor(settings).check(set.policies(), Instant.now());
    spec.commandLine().getOut().print(report.text());
    spec.commandLine().getOut().flush();
    return report.allOk() ? 0 : TandemCli.INVALID_INPUT;
  }
}
