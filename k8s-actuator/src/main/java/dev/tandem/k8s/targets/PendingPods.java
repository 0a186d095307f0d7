package dev.tandem.k8s.targets;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Counts replicas whose pods the scheduler could not place for longer than a timeout: phase {@code
 * Pending} with condition {@code PodScheduled=False} (reason {@code Unschedulable}), timed from the
 * condition's last transition. A multi-pod replica (a scaling-group or LeaderWorkerSet group)
 * counts once, by its group label.
 */
final class PendingPods {

  private PendingPods() {}

  static int count(
      KubernetesClient client,
      String namespace,
      Map<String, String> selector,
      Optional<String> groupLabel,
      Instant now,
      Duration timeout) {
    if (selector.isEmpty()) {
      return 0;
    }
    Set<String> replicas = new HashSet<>();
    int pods = 0;
    for (Pod pod : client.pods().inNamespace(namespace).withLabels(selector).list().getItems()) {
      if (!unschedulableSince(pod).map(t -> !t.plus(timeout).isAfter(now)).orElse(false)) {
        continue;
      }
      pods++;
      groupLabel
          .map(l -> pod.getMetadata().getLabels().get(l))
          .ifPresent(g -> replicas.add(g == null ? pod.getMetadata().getName() : g));
    }
    return groupLabel.isPresent() ? replicas.size() : pods;
  }

  /** When the pod became unschedulable, if it is Pending and unschedulable now. */
  static Optional<Instant> unschedulableSince(Pod pod) {
    if (pod.getStatus() == null || !"Pending".equals(pod.getStatus().getPhase())) {
      return Optional.empty();
    }
    for (PodCondition c : pod.getStatus().getConditions()) {
      if ("PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())) {
        String at = c.getLastTransitionTime();
        if (at == null) {
          at = pod.getMetadata().getCreationTimestamp();
        }
        return Optional.ofNullable(at).map(Instant::parse);
      }
    }
    return Optional.empty();
  }

  /**
   * Parses a label selector string as set in a Scale's {@code status.selector} (equalities only).
   */
  static Map<String, String> parseSelector(String selector) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (selector == null || selector.isBlank()) {
      return labels;
    }
    for (String term : selector.split(",")) {
      String[] kv = term.split("==?", 2);
      if (kv.length == 2) {
        labels.put(kv[0].trim(), kv[1].trim());
      }
    }
    return labels;
  }
}
