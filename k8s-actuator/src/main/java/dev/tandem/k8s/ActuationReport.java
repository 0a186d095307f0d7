package dev.tandem.k8s;

import dev.tandem.planner.DeploymentKey;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Everything one {@link KubernetesActuator#applyAndReport} call did, object by object, in the order
 * of the writes.
 */
public record ActuationReport(DeploymentKey deployment, List<WriteResult> results) {

  public ActuationReport {
    results = List.copyOf(results);
  }

  public List<WriteResult> failures() {
    return results.stream().filter(r -> r.outcome().isFailure()).toList();
  }

  public boolean hasFailures() {
    return !failures().isEmpty();
  }

  @Override
  public String toString() {
    return deployment
        + ": "
        + results.stream().map(WriteResult::toString).collect(Collectors.joining("; "));
  }
}
