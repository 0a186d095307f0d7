package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServeCommandTest {

  @Test
  void needsExactlyOneOfPoliciesAndSimulate() {
    CliRun neither = CliRun.run("serve");
    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(neither.err()).contains("give exactly one of --policies DIR and --simulate");
    CliRun both = CliRun.run("serve", "--policies", "examples/policies", "--simulate");
    assertThat(both.exitCode()).isEqualTo(2);
  }

  @Test
  void anUnknownScenarioIsAUsageError() {
    CliRun run = CliRun.run("serve", "--simulate", "no-such-scenario");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown scenario 'no-such-scenario'");
  }

  @Test
  void againstAClusterWithoutAdaptersItRefusesToStartAndSaysWhy() {
    CliRun run =
        CliRun.run(
            "serve",
            "--policies",
            CliRun.root().resolve("examples/policies").toString(),
            "--port",
            "0",
            "--set",
            "logging.level.root=OFF",
            "--set",
            "tandem.checkpoint.file=");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("the service did not start")
        .contains("ClusterAdapterConfiguration");
  }
}
