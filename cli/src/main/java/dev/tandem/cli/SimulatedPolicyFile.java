package dev.tandem.cli;

import dev.tandem.config.policy.EngineRole;
import dev.tandem.config.policy.LatencyObjective;
import dev.tandem.config.policy.RoleBehavior;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.config.yaml.Durations;
import java.util.Locale;

/**
 * The simulator's policy written out as a policy file, so that {@code tandem serve --simulate}
 * loads it through the same loader, validation and hot reload as a cluster's policies — and a user
 * can edit it while the service runs. Only what a simulated policy sets is written; the loader
 * fills the rest with the same defaults.
 */
final class SimulatedPolicyFile {

  private SimulatedPolicyFile() {}

  /**
   * @param profile the profile file both roles name (the simulated policy carries only its name)
   */
  static String render(SlaPolicy p, java.nio.file.Path profile) {
    StringBuilder y = new StringBuilder();
    y.append(
            "# The policy `tandem serve --simulate` runs. Edit it while the service runs: a valid\n")
        .append(
            "# change applies at the next tick; an invalid one is rejected at file:line:column\n")
        .append("# (logged, and listed by GET /v1/policies) and this version keeps running.\n")
        .append("apiVersion: ")
        .append(SlaPolicy.API_VERSION)
        .append("\nkind: ")
        .append(SlaPolicy.KIND)
        .append("\nmetadata:\n  name: ")
        .append(p.name())
        .append("\n  namespace: ")
        .append(p.namespace())
        .append("\nspec:\n  mode: ")
        .append(p.mode().name().toLowerCase(Locale.ROOT))
        .append("\n  sla:\n    ttft: ")
        .append(objective(p.sla().ttft()))
        .append("\n    itl: ")
        .append(objective(p.sla().itl()))
        .append("\n  roles:\n");
    role(y, p.roles().prefill(), profile);
    role(y, p.roles().decode(), profile);
    y.append("  budget:\n    maxGpus: ")
        .append(p.budget().maxGpus())
        .append("\n  behavior:\n    startupTime: ")
        .append(Durations.format(p.behavior().startupTime()))
        .append("\n    prefill: ")
        .append(behavior(p.behavior().prefill()))
        .append("\n    decode: ")
        .append(behavior(p.behavior().decode()))
        .append("\n  forecast:\n    model: ")
        .append(p.forecast().model().yamlName())
        .append("\n    quantile: ")
        .append(p.forecast().quantile())
        .append("\n  metrics:\n    preset: ")
        .append(p.metrics().preset().yamlName())
        .append("\n    window: ")
        .append(Durations.format(p.metrics().window()))
        .append('\n');
    return y.toString();
  }

  private static String objective(LatencyObjective o) {
    return "{percentile: " + o.percentile() + ", target: " + Durations.format(o.target()) + "}";
  }

  private static void role(StringBuilder y, EngineRole r, java.nio.file.Path profile) {
    y.append("    ")
        .append(r.role().yamlName())
        .append(":\n      target: {kind: ")
        .append(r.target().kind())
        .append(", name: ")
        .append(r.target().name())
        .append("}\n      gpusPerReplica: ")
        .append(r.gpusPerReplica())
        .append("\n      minReplicas: ")
        .append(r.minReplicas())
        .append("\n      maxReplicas: ")
        .append(r.maxReplicas())
        .append("\n      profile: ")
        .append(profile.toAbsolutePath())
        .append('\n');
  }

  private static String behavior(RoleBehavior b) {
    return "{interval: "
        + Durations.format(b.interval())
        + ", scaleUpLimit: "
        + b.scaleUpLimitReplicas()
        + ", scaleDownStabilization: "
        + Durations.format(b.scaleDownStabilization())
        + ", tolerance: "
        + b.tolerance()
        + "}";
  }
}
