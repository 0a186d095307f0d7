package dev.tandem.config.policy;

import dev.tandem.config.yaml.Problems;
import dev.tandem.config.yaml.YamlDocument;
import dev.tandem.config.yaml.YamlMap;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads one {@code kind: SlaPolicy} document into an {@link SlaPolicy}. Every problem is recorded;
 * the policy is built only when the document has none.
 */
final class PolicyReader {

  private final Problems problems;

  PolicyReader(Problems problems) {
    this.problems = problems;
  }

  Optional<SlaPolicy> read(YamlDocument document) {
    int before = problems.size();
    YamlMap root = document.rootMap(problems);
    if (problems.size() > before) {
      return Optional.empty();
    }
    root.allowOnly("apiVersion", "kind", "metadata", "spec");
    checkHeader(root);
    Optional<YamlMap> metadata = Fields.requiredMap(root, "metadata");
    metadata.ifPresent(m -> m.allowOnly("name", "namespace"));
    Optional<String> name =
        metadata.flatMap(
            m ->
                m.require("name")
                    ? Fields.checked(m, "name", m.string("name"), Names::label)
                    : Optional.empty());
    Optional<String> namespace =
        metadata.flatMap(
            m ->
                Fields.checked(
                    m,
                    "namespace",
                    Fields.orDefault(m, "namespace", m::string, SlaPolicy.DEFAULT_NAMESPACE),
                    Names::label));
    Optional<YamlMap> spec = Fields.requiredMap(root, "spec");
    if (spec.isEmpty()) {
      return Optional.empty();
    }
    Spec parts = spec(spec.get(), baseDirectory(document), namespace);
    if (problems.size() > before) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new SlaPolicy(
              name.get(),
              namespace.get(),
              parts.mode.get(),
              parts.sla.get(),
              parts.roles.get(),
              parts.budget.get(),
              parts.behavior.get(),
              parts.forecast.get(),
              parts.metrics.get(),
              root.location(),
              metadata.get().locationOf("name")));
    } catch (IllegalArgumentException e) {
      // The checks above mirror the records' rules; this catches a rule that was missed there.
      problems.add(root.location(), "", e.getMessage());
      return Optional.empty();
    }
  }

  /** The checked parts of {@code spec}; empty parts had problems. */
  private record Spec(
      Optional<Mode> mode,
      Optional<SlaObjectives> sla,
      Optional<Roles> roles,
      Optional<Budget> budget,
      Optional<Behavior> behavior,
      Optional<ForecastSettings> forecast,
      Optional<MetricsSettings> metrics) {}

  private Spec spec(YamlMap spec, Path baseDirectory, Optional<String> namespace) {
    spec.allowOnly("mode", "sla", "roles", "budget", "behavior", "forecast", "metrics");
    Optional<Mode> mode = Fields.keyword(spec, "mode", Mode.class, Mode.ADVISORY);
    Optional<SlaObjectives> sla = sla(spec);
    // Targets default to the policy's namespace; if that is broken, the namespace's own problem
    // is reported and the targets are checked against "default" so their other problems show.
    Optional<Roles> roles =
        new RoleReader(problems, baseDirectory, namespace.orElse(SlaPolicy.DEFAULT_NAMESPACE))
            .read(spec);
    Optional<Budget> budget = budget(spec, roles);
    SettingsReader settings = new SettingsReader(problems);
    Optional<Behavior> behavior =
        settings.behavior(spec, roles.map(r -> r.router().isPresent()).orElse(true));
    return new Spec(
        mode, sla, roles, budget, behavior, settings.forecast(spec), settings.metrics(spec));
  }

  /** apiVersion and kind, for a document the loader already knows to be (meant as) a policy. */
  private void checkHeader(YamlMap root) {
    Fields.apiVersion(root);
    if (root.require("kind")) {
      root.string("kind")
          .filter(v -> !v.equals(SlaPolicy.KIND))
          .ifPresent(v -> root.error("kind", "'" + v + "' is not " + SlaPolicy.KIND));
    }
  }

  private Optional<SlaObjectives> sla(YamlMap spec) {
    Optional<YamlMap> maybeMap = Fields.requiredMap(spec, "sla");
    if (maybeMap.isEmpty()) {
      return Optional.empty();
    }
    YamlMap map = maybeMap.get();
    map.allowOnly("ttft", "itl");
    Optional<LatencyObjective> ttft = objective(map, "ttft");
    Optional<LatencyObjective> itl = objective(map, "itl");
    return ttft.isPresent() && itl.isPresent()
        ? Optional.of(new SlaObjectives(ttft.get(), itl.get()))
        : Optional.empty();
  }

  private Optional<LatencyObjective> objective(YamlMap sla, String key) {
    Optional<YamlMap> maybeMap = Fields.requiredMap(sla, key);
    if (maybeMap.isEmpty()) {
      return Optional.empty();
    }
    YamlMap map = maybeMap.get();
    map.allowOnly("percentile", "target");
    map.require("percentile");
    map.require("target");
    Optional<Double> percentile =
        Fields.checked(
            map, "percentile", map.number("percentile"), v -> Check.openRange(v, 0, 100));
    Optional<java.time.Duration> target =
        Fields.checked(map, "target", map.duration("target"), Check::positive);
    return percentile.isPresent() && target.isPresent()
        ? Optional.of(new LatencyObjective(percentile.get(), target.get()))
        : Optional.empty();
  }

  private Optional<Budget> budget(YamlMap spec, Optional<Roles> roles) {
    Optional<YamlMap> maybeMap = Fields.requiredMap(spec, "budget");
    if (maybeMap.isEmpty()) {
      return Optional.empty();
    }
    YamlMap map = maybeMap.get();
    map.allowOnly("maxGpus", "pool");
    int before = problems.size();
    map.require("maxGpus");
    Optional<Integer> maxGpus =
        Fields.checked(map, "maxGpus", map.integer("maxGpus"), v -> Check.atLeast(v, 1));
    if (maxGpus.isPresent() && roles.isPresent()) {
      MinimumGpus.check(maxGpus.get(), roles.get()).ifPresent(p -> map.error("maxGpus", p));
    }
    Optional<GpuPool> pool = Optional.empty();
    Optional<YamlMap> poolMap = map.map("pool");
    if (poolMap.isPresent()) {
      YamlMap p = poolMap.get();
      p.allowOnly("name", "priority");
      p.require("name");
      Optional<String> poolName = Fields.checked(p, "name", p.string("name"), Names::label);
      Optional<Integer> priority =
          Fields.orDefault(p, "priority", p::integer, GpuPool.DEFAULT_PRIORITY);
      if (poolName.isPresent() && priority.isPresent()) {
        pool = Optional.of(new GpuPool(poolName.get(), priority.get(), p.locationOf("name")));
      }
    }
    return problems.size() > before
        ? Optional.empty()
        : Optional.of(new Budget(maxGpus.get(), pool));
  }

  private static Path baseDirectory(YamlDocument document) {
    Path parent = Path.of(document.source()).getParent();
    return parent == null ? Path.of("") : parent;
  }
}
