package dev.tandem.config.policy;

import dev.tandem.config.yaml.Problems;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules over a whole set of policies: names are unique per namespace, and no object is scaled by
 * two roles. Each conflict is reported at both places, each naming the other.
 */
final class PolicySetChecks {

  private PolicySetChecks() {}

  static void check(List<SlaPolicy> policies, Problems problems) {
    Map<String, SlaPolicy> byKey = new LinkedHashMap<>();
    for (SlaPolicy policy : policies) {
      SlaPolicy earlier = byKey.putIfAbsent(policy.key(), policy);
      if (earlier != null) {
        reportDuplicateName(problems, earlier, policy);
        reportDuplicateName(problems, policy, earlier);
      }
    }
    record Owner(SlaPolicy policy, ScaledRole role) {}
    Map<String, Owner> byTarget = new LinkedHashMap<>();
    for (SlaPolicy policy : policies) {
      for (ScaledRole role : policy.roles().all()) {
        Owner earlier = byTarget.putIfAbsent(role.target().identity(), new Owner(policy, role));
        // Roles of one policy were checked against each other when it was read.
        if (earlier != null && earlier.policy() != policy) {
          reportSharedTarget(problems, earlier.role(), role, " of policy " + policy.key());
          reportSharedTarget(
              problems, role, earlier.role(), " of policy " + earlier.policy().key());
        }
      }
    }
  }

  private static void reportDuplicateName(Problems problems, SlaPolicy at, SlaPolicy other) {
    problems.add(
        at.nameLocation(),
        "metadata.name",
        "policy "
            + at.key()
            + " is defined more than once; another definition is at "
            + other.nameLocation());
  }

  /**
   * Reports, at {@code at}'s target, that {@code other} (described by {@code otherOwner}) scales
   * the same object.
   */
  static void reportSharedTarget(
      Problems problems, ScaledRole at, ScaledRole other, String otherOwner) {
    problems.add(
        at.targetLocation(),
        at.path("target"),
        at.target()
            + " is also the target of "
            + other.role().path()
            + otherOwner
            + " at "
            + other.targetLocation()
            + "; one object can have one replica count only");
  }
}
