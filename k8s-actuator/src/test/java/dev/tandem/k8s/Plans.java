package dev.tandem.k8s;

import dev.tandem.config.policy.Mode;
import dev.tandem.config.policy.Role;
import dev.tandem.config.policy.ScaleTarget;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.Explanation;
import dev.tandem.planner.Reason;
import dev.tandem.planner.ReplicaChange;
import dev.tandem.planner.RoleDecision;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.forecast.LoadForecast;
import dev.tandem.planner.history.ScalingHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Hand-made plans: the changes given, with a reason per role, as the planner shapes them. */
final class Plans {

  static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");

  private Plans() {}

  static ScalingPlan plan(ReplicaChange... changes) {
    RoleDecision prefill = decision(Role.PREFILL, changes);
    RoleDecision decode = decision(Role.DECODE, changes);
    LoadForecast load = LoadForecast.given(10, 3000, 0.5, 300, 0.5, Duration.ofMinutes(5), 0.9);
    return new ScalingPlan(
        new DeploymentKey("inference", "llama"),
        AT,
        Mode.ACTIVE,
        prefill,
        decode,
        Optional.empty(),
        prefill.desiredGpus() + decode.desiredGpus(),
        new Explanation(Reason.GPU_TOTAL, "test"),
        List.of(changes),
        load,
        load,
        ScalingHistory.empty());
  }

  static ReplicaChange change(Role role, ScaleTarget target, int from, int to) {
    return new ReplicaChange(role, target, from, to);
  }

  static String reason(Role role) {
    return role.yamlName() + " sized for the TTFT/ITL target at the forecast";
  }

  private static RoleDecision decision(Role role, ReplicaChange... changes) {
    int from = 1;
    int to = 1;
    for (ReplicaChange c : changes) {
      if (c.role() == role) {
        from = c.from();
        to = c.to();
      }
    }
    Explanation why =
        new Explanation(to > from ? Reason.SCALE_UP : Reason.SCALE_DOWN, reason(role));
    Explanation other = new Explanation(Reason.PREDICTED, "test");
    return new RoleDecision(role, 1, from, to, why, to, why, 10, other, 1, other);
  }
}
