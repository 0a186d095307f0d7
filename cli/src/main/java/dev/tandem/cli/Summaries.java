package dev.tandem.cli;

import dev.tandem.config.policy.EngineRole;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.profiles.model.PerformanceProfile;

/** One-line descriptions of what was validated, so a user sees what Tandem understood. */
final class Summaries {

  private Summaries() {}

  static String policy(SlaPolicy p) {
    StringBuilder sb =
        new StringBuilder()
            .append(p.origin())
            .append(": SlaPolicy ")
            .append(p.namespace())
            .append('/')
            .append(p.name())
            .append(" (")
            .append(p.mode().yamlName())
            .append("): ")
            .append(role("prefill", p.roles().prefill()))
            .append(", ")
            .append(role("decode", p.roles().decode()));
    p.roles()
        .router()
        .ifPresent(
            r ->
                sb.append(", router ")
                    .append(r.minReplicas())
                    .append("..")
                    .append(r.maxReplicas()));
    return sb.append("; budget ").append(p.budget().maxGpus()).append(" GPUs").toString();
  }

  private static String role(String name, EngineRole r) {
    return name
        + " "
        + r.minReplicas()
        + ".."
        + r.maxReplicas()
        + " x "
        + r.gpusPerReplica()
        + (r.gpusPerReplica() == 1 ? " GPU" : " GPUs")
        + " ("
        + r.target().kind()
        + " "
        + r.target().name()
        + ")";
  }

  static String profile(PerformanceProfile p) {
    return "PerformanceProfile "
        + p.metadata().name()
        + " ("
        + p.gpu().type()
        + ", "
        + p.model().name()
        + ", TP"
        + p.engine().tensorParallelSize()
        + ", "
        + p.prefill().size()
        + " prefill and "
        + p.decode().size()
        + " decode points)";
  }
}
