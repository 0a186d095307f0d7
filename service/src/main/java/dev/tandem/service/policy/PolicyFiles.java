package dev.tandem.service.policy;

import dev.tandem.config.policy.EngineRole;
import dev.tandem.config.policy.GpuPoolDefinition;
import dev.tandem.config.policy.GpuPoolLoader;
import dev.tandem.config.policy.PolicySet;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.config.policy.SlaPolicyLoader;
import dev.tandem.config.yaml.InvalidInputException;
import dev.tandem.config.yaml.Problem;
import dev.tandem.config.yaml.Problems;
import dev.tandem.config.yaml.YamlDocument;
import dev.tandem.config.yaml.YamlDocuments;
import dev.tandem.planner.Deployment;
import dev.tandem.profiles.binding.BoundPolicies;
import dev.tandem.profiles.binding.PolicyProfileBinder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one source (a file of the policy directory, or an inline REST body) into deployments ready
 * for the planner: policies validated, their profiles loaded and bound, GpuPool documents read.
 * Every problem of the source is collected with its {@code file:line:column: field}; the caller
 * decides what a source with problems means (the catalog keeps its last good version, the REST
 * dry-run answers 422).
 */
public final class PolicyFiles {

  static final String PROFILE_KIND = "PerformanceProfile";

  private PolicyFiles() {}

  /**
   * What one source held.
   *
   * @param deployments the bound policies, ready to plan (empty when there are problems)
   * @param pools the GpuPool documents
   * @param problems every error, in file order; empty when the source is valid
   */
  public record FileLoad(
      List<Deployment> deployments, List<GpuPoolDefinition> pools, List<Problem> problems) {

    public FileLoad {
      deployments = List.copyOf(deployments);
      pools = List.copyOf(pools);
      problems = List.copyOf(problems);
    }

    public boolean valid() {
      return problems.isEmpty();
    }
  }

  /**
   * Reads {@code content} as if it were the file {@code source}: profile paths resolve against its
   * directory.
   */
  public static FileLoad read(String source, String content) {
    return read(source, content, Optional.empty());
  }

  /**
   * Like {@link #read(String, String)}, but every profile must resolve inside {@code confinedTo}: a
   * policy sent over the API may not make the service read arbitrary files.
   */
  public static FileLoad read(String source, String content, Optional<Path> confinedTo) {
    try {
      return load(YamlDocuments.read(source, content), confinedTo);
    } catch (InvalidInputException e) {
      return new FileLoad(List.of(), List.of(), e.problems());
    }
  }

  /** Reads the documents of one source. */
  public static FileLoad load(List<YamlDocument> documents, Optional<Path> confinedTo) {
    Problems problems = new Problems();
    PolicySet set =
        new SlaPolicyLoader(List.of(PROFILE_KIND, GpuPoolDefinition.KIND))
            .read(documents, problems);
    if (confinedTo.isPresent()) {
      Path root = confinedTo.get().toAbsolutePath().normalize();
      for (SlaPolicy policy : set.policies()) {
        for (EngineRole role : List.of(policy.roles().prefill(), policy.roles().decode())) {
          if (!role.profile().toAbsolutePath().normalize().startsWith(root)) {
            problems.add(
                role.profileLocation(),
                role.path("profile"),
                "must name a profile inside the policy directory (" + root + ")");
          }
        }
      }
      if (!problems.isEmpty()) {
        return new FileLoad(List.of(), List.of(), problems.list());
      }
    }
    List<GpuPoolDefinition> pools = GpuPoolLoader.read(set.otherDocuments(), problems);
    BoundPolicies bound = PolicyProfileBinder.bind(set, problems);
    if (!problems.isEmpty()) {
      return new FileLoad(List.of(), pools, problems.list());
    }
    List<Deployment> deployments = new ArrayList<>();
    for (SlaPolicy policy : bound.bound()) {
      deployments.add(
          Deployment.of(
              policy,
              bound.profile(policy.roles().prefill().profile()),
              bound.profile(policy.roles().decode().profile())));
    }
    return new FileLoad(deployments, pools, List.of());
  }
}
