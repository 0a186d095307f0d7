package dev.tandem.config.policy;

import dev.tandem.config.yaml.DidYouMean;
import dev.tandem.config.yaml.Problems;
import dev.tandem.config.yaml.YamlMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads {@code spec.roles}: the prefill, decode and router roles and their targets. */
final class RoleReader {

  private final Problems problems;
  private final Path baseDirectory;
  private final String defaultNamespace;

  /**
   * @param baseDirectory the policy file's directory, against which profile paths resolve
   * @param defaultNamespace the policy's namespace, the default of every target
   */
  RoleReader(Problems problems, Path baseDirectory, String defaultNamespace) {
    this.problems = problems;
    this.baseDirectory = baseDirectory;
    this.defaultNamespace = defaultNamespace;
  }

  Optional<Roles> read(YamlMap spec) {
    Optional<YamlMap> maybeRoles = Fields.requiredMap(spec, "roles");
    if (maybeRoles.isEmpty()) {
      return Optional.empty();
    }
    YamlMap roles = maybeRoles.get();
    roles.allowOnly(Keyword.names(Role.class));
    int before = problems.size();
    Optional<EngineRole> prefill = engine(roles, Role.PREFILL);
    Optional<EngineRole> decode = engine(roles, Role.DECODE);
    Optional<RouterRole> router = roles.has("router") ? router(roles) : Optional.empty();
    if (problems.size() > before || prefill.isEmpty() || decode.isEmpty()) {
      return Optional.empty();
    }
    Roles result = new Roles(prefill.get(), decode.get(), router);
    return distinctTargets(result) ? Optional.of(result) : Optional.empty();
  }

  private Optional<EngineRole> engine(YamlMap roles, Role role) {
    Optional<YamlMap> maybeMap = Fields.requiredMap(roles, role.yamlName());
    if (maybeMap.isEmpty()) {
      return Optional.empty();
    }
    YamlMap map = maybeMap.get();
    map.allowOnly("target", "gpusPerReplica", "minReplicas", "maxReplicas", "profile");
    int before = problems.size();
    Optional<ScaleTarget> target = target(map);
    Optional<Integer> gpus = gpusPerReplica(map, 1, 1);
    Optional<int[]> replicas = replicas(map);
    Optional<Path> profile = profile(map);
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new EngineRole(
            role,
            target.get(),
            gpus.get(),
            replicas.get()[0],
            replicas.get()[1],
            profile.get(),
            map.locationOf("target"),
            map.locationOf("gpusPerReplica"),
            map.locationOf("profile")));
  }

  private Optional<RouterRole> router(YamlMap roles) {
    Optional<YamlMap> maybeMap = roles.map("router");
    if (maybeMap.isEmpty()) {
      return Optional.empty();
    }
    YamlMap map = maybeMap.get();
    map.allowOnly(
        "target", "gpusPerReplica", "minReplicas", "maxReplicas", "requestsPerSecondPerReplica");
    int before = problems.size();
    Optional<ScaleTarget> target = target(map);
    Optional<Integer> gpus = gpusPerReplica(map, 0, 0);
    Optional<int[]> replicas = replicas(map);
    map.require("requestsPerSecondPerReplica");
    Optional<Double> rps =
        Fields.checked(
            map,
            "requestsPerSecondPerReplica",
            map.number("requestsPerSecondPerReplica"),
            Check::positive);
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new RouterRole(
            target.get(),
            gpus.get(),
            replicas.get()[0],
            replicas.get()[1],
            rps.get(),
            map.locationOf("target"),
            map.locationOf("gpusPerReplica")));
  }

  private Optional<Integer> gpusPerReplica(YamlMap map, int defaultValue, int min) {
    return Fields.checked(
        map,
        "gpusPerReplica",
        Fields.orDefault(map, "gpusPerReplica", map::integer, defaultValue),
        v -> Check.atLeast(v, min));
  }

  /** {@code [min, max]}: minReplicas defaults to 1, maxReplicas is required. */
  private Optional<int[]> replicas(YamlMap map) {
    Optional<Integer> min =
        Fields.checked(
            map,
            "minReplicas",
            Fields.orDefault(map, "minReplicas", map::integer, 1),
            v -> Check.minReplicas(v));
    map.require("maxReplicas");
    // a maxReplicas below 1 is wrong on its own; reporting it as "minReplicas 1 is above
    // maxReplicas -8" would name the field the user did not get wrong
    Optional<Integer> max =
        Fields.checked(map, "maxReplicas", map.integer("maxReplicas"), v -> Check.atLeast(v, 1));
    if (min.isEmpty() || max.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> order = Check.notAbove(min.get(), "maxReplicas", max.get());
    order.ifPresent(p -> map.error(map.has("minReplicas") ? "minReplicas" : "maxReplicas", p));
    return order.isPresent() ? Optional.empty() : Optional.of(new int[] {min.get(), max.get()});
  }

  private Optional<Path> profile(YamlMap map) {
    map.require("profile");
    Optional<String> written =
        Fields.checked(map, "profile", map.string("profile"), Names::notBlank);
    if (written.isEmpty()) {
      return Optional.empty();
    }
    Path resolved;
    try {
      resolved = baseDirectory.resolve(written.get()).normalize();
    } catch (RuntimeException e) {
      map.error("profile", "'" + written.get() + "' is not a path: " + e.getMessage());
      return Optional.empty();
    }
    if (!Files.exists(resolved)) {
      map.error("profile", "'" + written.get() + "' does not exist (resolved to " + resolved + ")");
      return Optional.empty();
    }
    if (!Files.isRegularFile(resolved)) {
      map.error("profile", "'" + written.get() + "' is not a file (resolved to " + resolved + ")");
      return Optional.empty();
    }
    return Optional.of(resolved);
  }

  private Optional<ScaleTarget> target(YamlMap role) {
    Optional<YamlMap> maybeMap = Fields.requiredMap(role, "target");
    if (maybeMap.isEmpty()) {
      return Optional.empty();
    }
    YamlMap map = maybeMap.get();
    map.allowOnly("kind", "apiVersion", "name", "namespace", "service", "clique", "scalingGroup");
    int before = problems.size();
    map.require("kind");
    map.require("name");
    Optional<String> kind = Fields.checked(map, "kind", map.string("kind"), Names::kind);
    Optional<String> apiVersion =
        Fields.checked(map, "apiVersion", map.string("apiVersion"), Names::apiVersion);
    Optional<String> name = Fields.checked(map, "name", map.string("name"), Names::subdomain);
    Optional<String> namespace =
        Fields.checked(
            map,
            "namespace",
            Fields.orDefault(map, "namespace", map::string, defaultNamespace),
            Names::label);
    Optional<String> service =
        Fields.checked(map, "service", map.string("service"), Names::notBlank);
    Optional<String> clique = Fields.checked(map, "clique", map.string("clique"), Names::label);
    Optional<String> scalingGroup =
        Fields.checked(map, "scalingGroup", map.string("scalingGroup"), Names::label);
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    Optional<TargetKind> known = TargetKind.of(kind.get());
    if (known.isPresent()) {
      apiVersion = knownApiVersion(map, known.get(), apiVersion);
      checkService(map, known.get());
      checkGroveMember(map, known.get());
    } else {
      if (!map.has("apiVersion")) {
        String hint =
            DidYouMean.closest(kind.get(), TargetKind.kinds())
                .map(k -> " (did you mean '" + k + "'?)")
                .orElse("");
        map.error(
            "kind",
            "'"
                + kind.get()
                + "' is not a known kind"
                + hint
                + "; known kinds: "
                + String.join(", ", TargetKind.kinds())
                + "; any other kind with a scale subresource needs apiVersion");
      }
      if (map.has("service")) {
        map.error("service", "is only allowed for kind DynamoGraphDeployment, not " + kind.get());
      }
      for (String member : List.of("clique", "scalingGroup")) {
        if (map.has(member)) {
          map.error(member, "is only allowed for kind PodCliqueSet, not " + kind.get());
        }
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new ScaleTarget(
            apiVersion.get(),
            kind.get(),
            name.get(),
            namespace.get(),
            service,
            clique,
            scalingGroup));
  }

  private static Optional<String> knownApiVersion(
      YamlMap map, TargetKind kind, Optional<String> written) {
    if (written.isPresent() && !written.get().equals(kind.apiVersion())) {
      map.error(
          "apiVersion",
          "'"
              + written.get()
              + "' does not match kind "
              + kind.kind()
              + ", whose apiVersion is "
              + kind.apiVersion()
              + " (or leave apiVersion out)");
      return Optional.empty();
    }
    return Optional.of(kind.apiVersion());
  }

  private static void checkService(YamlMap map, TargetKind kind) {
    if (kind.needsService() && !map.has("service")) {
      map.error(
          "service",
          "is required for kind "
              + kind.kind()
              + ": the name of the service inside the graph that this role scales, e.g."
              + " VllmPrefillWorker");
    } else if (!kind.needsService() && map.has("service")) {
      map.error("service", "is only allowed for kind DynamoGraphDeployment, not " + kind.kind());
    }
  }

  /** A PodCliqueSet target names one clique or one scaling group; other kinds name neither. */
  private static void checkGroveMember(YamlMap map, TargetKind kind) {
    boolean clique = map.has("clique");
    boolean group = map.has("scalingGroup");
    if (!kind.needsGroveMember()) {
      for (String member : List.of("clique", "scalingGroup")) {
        if (map.has(member)) {
          map.error(member, "is only allowed for kind PodCliqueSet, not " + kind.kind());
        }
      }
    } else if (!clique && !group) {
      map.error(
          "clique",
          "kind PodCliqueSet needs the clique or the scalingGroup of its template that this role"
              + " scales (e.g. clique: prefill, or scalingGroup: decode)");
    } else if (clique && group) {
      map.error(
          "scalingGroup",
          "name either clique or scalingGroup, not both: a role scales one member of the set");
    }
  }

  /** Two roles of one policy must not scale the same object; both places are reported. */
  private boolean distinctTargets(Roles roles) {
    boolean distinct = true;
    List<ScaledRole> all = roles.all();
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        ScaledRole a = all.get(i);
        ScaledRole b = all.get(j);
        if (a.target().identity().equals(b.target().identity())) {
          distinct = false;
          PolicySetChecks.reportSharedTarget(problems, a, b, "");
          PolicySetChecks.reportSharedTarget(problems, b, a, "");
        }
      }
    }
    return distinct;
  }
}
