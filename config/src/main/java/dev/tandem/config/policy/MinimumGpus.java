package dev.tandem.config.policy;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The rule "the budget covers every role at its minimum", with the sum spelled out. */
final class MinimumGpus {

  private MinimumGpus() {}

  /** One role's minimum as the message shows it. */
  record Term(String role, int minReplicas, int gpusPerReplica) {
    int gpus() {
      return minReplicas * gpusPerReplica;
    }

    @Override
    public String toString() {
      return role + " " + minReplicas + "×" + gpusPerReplica;
    }
  }

  static Optional<String> check(int maxGpus, Roles roles) {
    return check(
        maxGpus,
        roles.all().stream()
            .map(r -> new Term(r.role().yamlName(), r.minReplicas(), r.gpusPerReplica()))
            .toList());
  }

  static Optional<String> check(int maxGpus, List<Term> terms) {
    int sum = terms.stream().mapToInt(Term::gpus).sum();
    if (maxGpus >= sum) {
      return Optional.empty();
    }
    return Optional.of(
        maxGpus
            + " is below "
            + sum
            + ", the GPUs the roles need at minReplicas ("
            + terms.stream().map(Term::toString).collect(Collectors.joining(" + "))
            + ")");
  }
}
