package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.profiles.io.PerformanceProfileLoader;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.service.policy.PolicyFiles;
import dev.tandem.simulations.catalog.ScenarioCatalog;
import dev.tandem.simulations.metrics.SlaTargets;
import dev.tandem.simulations.tandem.SimulatedPolicies;
import dev.tandem.simulations.tandem.TandemSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatedPolicyFileTest {

  @Test
  void theWrittenFileLoadsBackAsTheSimulatedPolicy() {
    Path profilePath = CliRun.root().resolve(ScenarioCatalog.DEFAULT_PROFILE);
    PerformanceProfile profile = PerformanceProfileLoader.load(profilePath);
    SlaPolicy simulated =
        SimulatedPolicies.policy(
            SlaTargets.millis(90, 300, 95, 10),
            profile,
            Duration.ofSeconds(60),
            TandemSettings.defaults());
    String yaml = SimulatedPolicyFile.render(simulated, profilePath);

    PolicyFiles.FileLoad load = PolicyFiles.read(CliRun.root().resolve("t.yaml").toString(), yaml);

    assertThat(load.problems()).isEmpty();
    SlaPolicy read = load.deployments().get(0).policy();
    assertThat(read.key()).isEqualTo(simulated.key());
    assertThat(read.mode()).isEqualTo(simulated.mode());
    assertThat(read.sla()).isEqualTo(simulated.sla());
    assertThat(read.budget()).isEqualTo(simulated.budget());
    assertThat(read.behavior()).isEqualTo(simulated.behavior());
    assertThat(read.forecast()).isEqualTo(simulated.forecast());
    assertThat(read.metrics()).isEqualTo(simulated.metrics());
    assertThat(read.roles().decode().maxReplicas())
        .isEqualTo(simulated.roles().decode().maxReplicas());
    assertThat(read.roles().prefill().target()).isEqualTo(simulated.roles().prefill().target());
    assertThat(read.roles().prefill().profile())
        .isEqualTo(profilePath.toAbsolutePath().normalize());
  }
}
