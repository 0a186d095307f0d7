package dev.tandem.config.policy;

import dev.tandem.config.yaml.Problems;
import dev.tandem.config.yaml.YamlDocument;
import dev.tandem.config.yaml.YamlMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads {@code kind: GpuPool} documents (usually handed over by {@link SlaPolicyLoader} in {@link
 * PolicySet#otherDocuments()}) and checks the policies' references to them. Problems have the same
 * form as the policy loader's: {@code file:line:column: field.path: message}.
 *
 * <pre>
 * apiVersion: tandem.dev/v1alpha1
 * kind: GpuPool
 * metadata:
 *   name: h100-shared
 * spec:
 *   maxGpus: 48
 * </pre>
 */
public final class GpuPoolLoader {

  private GpuPoolLoader() {}

  /** Whether the document says {@code kind: GpuPool}. */
  public static boolean isPool(YamlDocument document) {
    return SlaPolicyLoader.kindOf(document).filter(GpuPoolDefinition.KIND::equals).isPresent();
  }

  /**
   * The valid pools among {@code documents} (other kinds are skipped); names must be unique, a
   * duplicate is reported at both places.
   */
  public static List<GpuPoolDefinition> read(List<YamlDocument> documents, Problems problems) {
    Map<String, GpuPoolDefinition> byName = new LinkedHashMap<>();
    List<GpuPoolDefinition> pools = new ArrayList<>();
    for (YamlDocument document : documents) {
      if (!isPool(document)) {
        continue;
      }
      Optional<GpuPoolDefinition> pool = loadDocument(document, problems);
      if (pool.isEmpty()) {
        continue;
      }
      GpuPoolDefinition earlier = byName.putIfAbsent(pool.get().name(), pool.get());
      if (earlier != null) {
        duplicate(problems, pool.get(), earlier);
        duplicate(problems, earlier, pool.get());
      } else {
        pools.add(pool.get());
      }
    }
    return List.copyOf(pools);
  }

  /**
   * One {@code kind: GpuPool} document; empty when it has problems, which go to {@code problems}.
   */
  public static Optional<GpuPoolDefinition> loadDocument(YamlDocument document, Problems problems) {
    int before = problems.size();
    YamlMap root = document.rootMap(problems);
    if (problems.size() > before) {
      return Optional.empty();
    }
    root.allowOnly("apiVersion", "kind", "metadata", "spec");
    Fields.apiVersion(root);
    Optional<YamlMap> metadata = Fields.requiredMap(root, "metadata");
    metadata.ifPresent(m -> m.allowOnly("name"));
    Optional<String> name =
        metadata.flatMap(
            m ->
                m.require("name")
                    ? Fields.checked(m, "name", m.string("name"), Names::label)
                    : Optional.empty());
    Optional<YamlMap> spec = Fields.requiredMap(root, "spec");
    spec.ifPresent(s -> s.allowOnly("maxGpus"));
    Optional<Integer> maxGpus =
        spec.flatMap(
            s ->
                s.require("maxGpus")
                    ? Fields.checked(s, "maxGpus", s.integer("maxGpus"), v -> Check.atLeast(v, 1))
                    : Optional.empty());
    if (problems.size() > before || name.isEmpty() || maxGpus.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new GpuPoolDefinition(
            name.get(), maxGpus.get(), root.location(), metadata.get().locationOf("name")));
  }

  /**
   * Every policy's {@code spec.budget.pool.name} must name one of {@code pools}; a missing pool is
   * reported at that field, listing the pools that exist. A pool must also hold its members'
   * minimums (the GPUs of every role at {@code minReplicas}): otherwise the planner could never
   * honour both, so it is reported at the pool, naming each member's share.
   */
  public static void checkReferences(
      List<SlaPolicy> policies, List<GpuPoolDefinition> pools, Problems problems) {
    checkNames(policies, pools, problems);
    for (GpuPoolDefinition pool : pools) {
      checkMinimums(pool, policies, problems);
    }
  }

  private static void checkMinimums(
      GpuPoolDefinition pool, List<SlaPolicy> policies, Problems problems) {
    List<SlaPolicy> members =
        policies.stream()
            .filter(p -> p.budget().pool().filter(r -> r.name().equals(pool.name())).isPresent())
            .toList();
    int needed = members.stream().mapToInt(p -> p.roles().minimumGpus()).sum();
    if (needed > pool.maxGpus()) {
      problems.add(
          pool.origin(),
          "spec.maxGpus",
          pool.maxGpus()
              + " is below "
              + needed
              + ", the GPUs its members need at minReplicas ("
              + members.stream()
                  .map(p -> p.namespace() + "/" + p.name() + " " + p.roles().minimumGpus())
                  .collect(Collectors.joining(" + "))
              + ")");
    }
  }

  private static void checkNames(
      List<SlaPolicy> policies, List<GpuPoolDefinition> pools, Problems problems) {
    List<String> names = pools.stream().map(GpuPoolDefinition::name).toList();
    for (SlaPolicy policy : policies) {
      policy
          .budget()
          .pool()
          .filter(ref -> !names.contains(ref.name()))
          .ifPresent(
              ref ->
                  problems.add(
                      ref.nameLocation(),
                      "spec.budget.pool.name",
                      "'"
                          + ref.name()
                          + "' names no GpuPool; "
                          + (names.isEmpty()
                              ? "define it in a kind: GpuPool document"
                              : "known pools: "
                                  + names.stream().collect(Collectors.joining(", ")))));
    }
  }

  private static void duplicate(Problems problems, GpuPoolDefinition at, GpuPoolDefinition other) {
    problems.add(
        at.nameLocation(),
        "metadata.name",
        "GpuPool "
            + at.name()
            + " is defined more than once; another definition is at "
            + other.nameLocation());
  }
}
