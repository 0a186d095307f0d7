package dev.tandem.profiles.binding;

import dev.tandem.config.policy.EngineRole;
import dev.tandem.config.policy.LatencyObjective;
import dev.tandem.config.policy.PolicySet;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.config.yaml.InvalidInputException;
import dev.tandem.config.yaml.Problem;
import dev.tandem.config.yaml.Problems;
import dev.tandem.profiles.capacity.ProfileCapacity;
import dev.tandem.profiles.check.Finding;
import dev.tandem.profiles.check.ProfileChecks;
import dev.tandem.profiles.check.Severity;
import dev.tandem.profiles.io.PerformanceProfileLoader;
import dev.tandem.profiles.model.PerformanceProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the profile of every prefill and decode role and checks that policy and profile fit: the
 * role's {@code gpusPerReplica} equals the profile's GPUs per engine (a replica is one whole
 * tensor-parallel group), the profile passes its plausibility checks, and the SLA targets are not
 * below what one engine achieves alone (batch 1), which no number of engines could fix. Problems
 * are reported at the policy field they concern; a profile file's own problems keep its positions.
 */
public final class PolicyProfileBinder {

  private PolicyProfileBinder() {}

  /** Binds {@code policies}; errors go to {@code problems}, the rest to the result's warnings. */
  public static BoundPolicies bind(PolicySet policies, Problems problems) {
    Map<Path, PerformanceProfile> loaded = new LinkedHashMap<>();
    Map<Path, List<Finding>> findings = new LinkedHashMap<>();
    Set<Path> unreadable = new HashSet<>();
    List<Problem> warnings = new ArrayList<>();
    List<SlaPolicy> bound = new ArrayList<>();
    for (SlaPolicy policy : policies.policies()) {
      int before = problems.size();
      boolean usable = true;
      for (EngineRole role : List.of(policy.roles().prefill(), policy.roles().decode())) {
        Optional<PerformanceProfile> profile = load(role, loaded, findings, unreadable, problems);
        if (profile.isEmpty()) {
          usable = false; // reported where the file was found missing or invalid
          continue;
        }
        checkRole(role, profile.get(), findings.get(role.profile()), problems);
        checkTargets(policy, role, profile.get(), warnings);
      }
      if (usable && problems.size() == before) {
        bound.add(policy);
      }
    }
    return new BoundPolicies(policies, bound, loaded, warnings);
  }

  private static Optional<PerformanceProfile> load(
      EngineRole role,
      Map<Path, PerformanceProfile> loaded,
      Map<Path, List<Finding>> findings,
      Set<Path> unreadable,
      Problems problems) {
    Path path = role.profile();
    if (loaded.containsKey(path)) {
      return Optional.of(loaded.get(path));
    }
    if (unreadable.contains(path) || !Files.isRegularFile(path)) {
      // a missing file is already reported by the policy loader, at the same field
      return Optional.empty();
    }
    try {
      PerformanceProfile profile = PerformanceProfileLoader.load(path);
      loaded.put(path, profile);
      findings.put(path, ProfileChecks.check(profile));
      return Optional.of(profile);
    } catch (InvalidInputException e) {
      problems.addAll(e.problems());
      problems.add(
          role.profileLocation(),
          role.path("profile"),
          path + " is not a valid performance profile (its problems are listed above)");
      unreadable.add(path);
      return Optional.empty();
    }
  }

  private static void checkRole(
      EngineRole role, PerformanceProfile profile, List<Finding> findings, Problems problems) {
    int gpus = profile.engine().gpusPerEngine();
    if (gpus != role.gpusPerReplica()) {
      problems.add(
          role.gpusPerReplicaLocation(),
          role.path("gpusPerReplica"),
          role.gpusPerReplica()
              + " does not match profile "
              + profile.metadata().name()
              + ", measured on engines of "
              + gpus
              + (gpus == 1 ? " GPU" : " GPUs")
              + " (a replica is one whole tensor-parallel group)");
    }
    List<Finding> errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    if (!errors.isEmpty()) {
      Finding first = errors.get(0);
      problems.add(
          role.profileLocation(),
          role.path("profile"),
          "profile "
              + profile.metadata().name()
              + " is implausible ("
              + errors.size()
              + (errors.size() == 1 ? " error" : " errors")
              + "; `tandem profile show "
              + role.profile()
              + "` lists them), the first: "
              + first.where()
              + ": "
              + first.message());
    }
  }

  private static void checkTargets(
      SlaPolicy policy, EngineRole role, PerformanceProfile profile, List<Problem> warnings) {
    ProfileCapacity capacity = new ProfileCapacity(profile);
    if (role == policy.roles().prefill()) {
      double shortest = profile.prefill().get(0).inputTokens();
      double ttft = capacity.ttftMillis(shortest).value();
      warnIfBelow(policy.sla().ttft(), ttft, "TTFT at ISL " + (long) shortest, role, warnings);
    } else {
      double context = profile.decodeContexts().get(0);
      double itl = capacity.itlMillis(1, context).value();
      warnIfBelow(
          policy.sla().itl(), itl, "ITL at batch 1, context " + (long) context, role, warnings);
    }
  }

  private static void warnIfBelow(
      LatencyObjective objective,
      double profileMillis,
      String what,
      EngineRole role,
      List<Problem> warnings) {
    double targetMillis = objective.target().toNanos() / 1e6;
    if (targetMillis < profileMillis) {
      warnings.add(
          new Problem(
              role.profileLocation(),
              role.path("profile"),
              String.format(
                  "the SLA target %.1f ms is below the profile's %s of %.2f ms: one engine alone"
                      + " cannot meet it, so no number of engines will",
                  targetMillis, what, profileMillis)));
    }
  }
}
