package dev.tandem.planner;

import java.util.Locale;

/** A plan as text for people: the CLI's output, log lines, Kubernetes Event bodies. */
public final class PlanText {

  private PlanText() {}

  public static String render(ScalingPlan plan) {
    StringBuilder out = new StringBuilder();
    out.append("plan for ")
        .append(plan.deployment())
        .append(" at ")
        .append(plan.at())
        .append(" (")
        .append(plan.mode().yamlName())
        .append(")\n");
    for (RoleDecision d : plan.decisions()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%n%-8s %d → %d   (target %d, %d GPU%s per replica)%n",
              d.role().yamlName(),
              d.current(),
              d.desired(),
              d.target(),
              d.gpusPerReplica(),
              d.gpusPerReplica() == 1 ? "" : "s"));
      line(out, "target", d.targetWhy());
      line(out, "desired", d.desiredWhy());
      if (!Double.isNaN(d.predictedMillis())) {
        line(out, "predicted", d.predictedWhy());
        line(out, "correction", d.correctionWhy());
      }
    }
    out.append('\n');
    line(out, "GPUs", plan.gpusWhy());
    out.append("  changes:    ");
    if (plan.changes().isEmpty()) {
      out.append("none\n");
    } else {
      for (int i = 0; i < plan.changes().size(); i++) {
        ReplicaChange c = plan.changes().get(i);
        out.append(i == 0 ? "" : ", ")
            .append(c.role().yamlName())
            .append(' ')
            .append(c.from())
            .append(" → ")
            .append(c.to());
      }
      out.append(" (decreases first)\n");
    }
    out.append("  load:       prefill: ").append(plan.prefillForecast().reason()).append('\n');
    out.append("              decode:  ").append(plan.decodeForecast().reason()).append('\n');
    return out.toString();
  }

  private static void line(StringBuilder out, String label, Explanation e) {
    out.append(
        String.format(Locale.ROOT, "  %-11s %s: %s%n", label + ":", e.reason(), e.message()));
  }
}
