package dev.tandem.helm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.k8s.RbacRules;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The chart grants exactly the API calls the code makes ({@link RbacRules}): not a verb, resource
 * or group more, and not one less; a target kind switched off takes its rules with it.
 */
class RbacTest {

  @Test
  void theRenderedRbacEqualsTheActuatorsList() {
    assertThat(granted(Chart.objects(""))).isEqualTo(expected(rule -> true));
  }

  @Test
  void aTargetKindSwitchedOffTakesItsRulesWithIt() {
    Set<String> withoutGrove = granted(Chart.objects("targets: {grove: false}\n"));

    assertThat(withoutGrove).isEqualTo(expected(rule -> !rule.apiGroup().endsWith("grove.io")));
    assertThat(withoutGrove).noneMatch(t -> t.contains("grove.io"));
  }

  @Test
  void namespacedRolesGrantTheSameCalls() {
    Set<String> namespaced =
        granted(Chart.objects("rbac:\n  scope: namespaced\n  namespaces: [inference]\n"));

    assertThat(namespaced).isEqualTo(expected(rule -> true));
  }

  @Test
  void anExtraKindWithScaleGetsReadAndScaleRules() {
    Set<String> extra =
        granted(
            Chart.objects(
                "targets: {extra: [{apiGroup: inference.example.com, resource: pools}]}\n"));
    Set<String> expected = expected(rule -> true);
    RbacRules.forExtraKind("inference.example.com", "pools").forEach(r -> add(expected, r));

    assertThat(extra).isEqualTo(expected);
  }

  /** group/resource:verb for every rule of every Role and ClusterRole the chart renders. */
  private static Set<String> granted(List<HasMetadata> objects) {
    Set<String> out = new TreeSet<>();
    for (ClusterRole r : Chart.all(objects, ClusterRole.class)) {
      r.getRules().forEach(rule -> add(out, rule));
    }
    for (Role r : Chart.all(objects, Role.class)) {
      r.getRules().forEach(rule -> add(out, rule));
    }
    return out;
  }

  private static Set<String> expected(Predicate<RbacRules.Rule> kept) {
    Set<String> out = new TreeSet<>();
    RbacRules.rules().stream().filter(kept).forEach(r -> add(out, r));
    return out;
  }

  private static void add(Set<String> out, RbacRules.Rule r) {
    r.verbs().forEach(v -> out.add(r.apiGroup() + "/" + r.resource() + ":" + v));
  }

  private static void add(Set<String> out, PolicyRule rule) {
    assertThat(rule.getResourceNames()).as("no rule is limited by name").isNullOrEmpty();
    for (String group : rule.getApiGroups()) {
      for (String resource : rule.getResources()) {
        for (String verb : rule.getVerbs()) {
          assertThat(verb).as("no wildcard").isNotEqualTo("*");
          out.add(group + "/" + resource + ":" + verb);
        }
      }
    }
  }
}
