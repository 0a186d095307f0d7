package dev.tandem.simulations.tandem;

import dev.tandem.config.policy.Behavior;
import dev.tandem.config.policy.Budget;
import dev.tandem.config.policy.EngineRole;
import dev.tandem.config.policy.ForecastSettings;
import dev.tandem.config.policy.MetricsPreset;
import dev.tandem.config.policy.MetricsSettings;
import dev.tandem.config.policy.Mode;
import dev.tandem.config.policy.Role;
import dev.tandem.config.policy.RoleBehavior;
import dev.tandem.config.policy.Roles;
import dev.tandem.config.policy.ScaleTarget;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.config.policy.TargetKind;
import dev.tandem.config.yaml.SourceLocation;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.simulations.metrics.SlaTargets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link SlaPolicy} of a simulated deployment, built in code as {@code tandem validate} would
 * have read it from YAML: the scenario's SLA (percentiles and targets), one profile for both roles
 * (its GPUs per engine are the replicas' GPUs), the scenario's start-up time for every role, mode
 * {@code active}, roles from 1 to {@code maxReplicas}, and the {@link TandemSettings}. The targets
 * are two Deployments named after the roles; nothing in the simulator reads them.
 */
public final class SimulatedPolicies {

  static final String NAMESPACE = "simulation";
  static final String NAME = "tandem";

  private SimulatedPolicies() {}

  public static SlaPolicy policy(
      SlaTargets sla, PerformanceProfile profile, Duration startup, TandemSettings s) {
    SourceLocation here = SourceLocation.ofSource("simulation");
    int gpus = profile.engine().gpusPerEngine();
    Path profilePath = Path.of(profile.metadata().name());
    EngineRole prefill = role(Role.PREFILL, gpus, s.maxReplicas(), profilePath, here);
    EngineRole decode = role(Role.DECODE, gpus, s.maxReplicas(), profilePath, here);
    Duration up = startup.isZero() ? Duration.ofMillis(1) : startup;
    RoleBehavior p = new RoleBehavior(s.prefillInterval(), 4, s.prefillStabilization(), 0.1, up);
    RoleBehavior d = new RoleBehavior(s.decodeInterval(), 2, s.decodeStabilization(), 0.1, up);
    return new SlaPolicy(
        NAME,
        NAMESPACE,
        Mode.ACTIVE,
        sla.toObjectives(),
        new Roles(prefill, decode, Optional.empty()),
        new Budget(s.budgetGpus(), Optional.empty()),
        new Behavior(up, p, d, RoleBehavior.defaults(Role.ROUTER, up)),
        new ForecastSettings(s.model(), Optional.empty(), s.quantile()),
        new MetricsSettings(MetricsPreset.VLLM, s.window(), Map.of(), Map.of()),
        here,
        here);
  }

  private static EngineRole role(Role role, int gpus, int max, Path profile, SourceLocation here) {
    return new EngineRole(
        role,
        ScaleTarget.of(TargetKind.DEPLOYMENT, NAME + "-" + role.yamlName(), NAMESPACE),
        gpus,
        1,
        max,
        profile,
        here,
        here,
        here);
  }
}
