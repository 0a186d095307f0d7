package dev.tandem.config.policy;

import dev.tandem.config.yaml.Problems;
import dev.tandem.config.yaml.YamlMap;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code spec.behavior}, {@code spec.forecast} and {@code spec.metrics}, defaults filled in.
 */
final class SettingsReader {

  private final Problems problems;

  SettingsReader(Problems problems) {
    this.problems = problems;
  }

  Optional<Behavior> behavior(YamlMap spec, boolean hasRouter) {
    Optional<YamlMap> maybeMap = spec.map("behavior");
    if (maybeMap.isEmpty()) {
      return spec.has("behavior")
          ? Optional.empty()
          : Optional.of(Behavior.defaults(RoleBehavior.DEFAULT_STARTUP_TIME));
    }
    YamlMap map = maybeMap.get();
    map.allowOnly("startupTime", "prefill", "decode", "router");
    int before = problems.size();
    Optional<Duration> startup =
        Fields.checked(
            map,
            "startupTime",
            Fields.orDefault(map, "startupTime", map::duration, RoleBehavior.DEFAULT_STARTUP_TIME),
            Check::positive);
    if (map.has("router") && !hasRouter) {
      map.error("router", "is set but spec.roles.router is not: there is no router to scale");
    }
    // A broken startupTime is already reported; the roles are still checked, against the default.
    Duration roleDefault = startup.orElse(RoleBehavior.DEFAULT_STARTUP_TIME);
    Optional<RoleBehavior> prefill = role(map, Role.PREFILL, roleDefault);
    Optional<RoleBehavior> decode = role(map, Role.DECODE, roleDefault);
    Optional<RoleBehavior> router = role(map, Role.ROUTER, roleDefault);
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new Behavior(startup.get(), prefill.get(), decode.get(), router.get()));
  }

  private Optional<RoleBehavior> role(YamlMap behavior, Role role, Duration startupTime) {
    RoleBehavior defaults = RoleBehavior.defaults(role, startupTime);
    Optional<YamlMap> maybeMap = behavior.map(role.yamlName());
    if (maybeMap.isEmpty()) {
      return behavior.has(role.yamlName()) ? Optional.empty() : Optional.of(defaults);
    }
    YamlMap map = maybeMap.get();
    map.allowOnly(
        "interval",
        "scaleUpLimit",
        "scaleDownStabilization",
        "tolerance",
        "startupTime",
        "maxScaleDownsPerHour");
    int before = problems.size();
    Optional<Duration> interval =
        Fields.checked(
            map,
            "interval",
            Fields.orDefault(map, "interval", map::duration, defaults.interval()),
            d -> Check.atLeast(d, RoleBehavior.MIN_INTERVAL));
    Optional<Integer> scaleUpLimit =
        Fields.checked(
            map,
            "scaleUpLimit",
            Fields.orDefault(map, "scaleUpLimit", map::integer, defaults.scaleUpLimitReplicas()),
            v -> Check.atLeast(v, 1));
    Optional<Duration> stabilization =
        Fields.checked(
            map,
            "scaleDownStabilization",
            Fields.orDefault(
                map, "scaleDownStabilization", map::duration, defaults.scaleDownStabilization()),
            Check::notNegative);
    Optional<Double> tolerance =
        Fields.checked(
            map,
            "tolerance",
            Fields.orDefault(map, "tolerance", map::number, defaults.tolerance()),
            v -> Check.halfOpenRange(v, 0, 0.5));
    Optional<Duration> startup =
        Fields.checked(
            map,
            "startupTime",
            Fields.orDefault(map, "startupTime", map::duration, startupTime),
            Check::positive);
    Optional<Integer> scaleDowns =
        Fields.checked(
            map,
            "maxScaleDownsPerHour",
            Fields.orDefault(
                map, "maxScaleDownsPerHour", map::integer, defaults.maxScaleDownsPerHour()),
            v -> Check.atLeast(v, 1));
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new RoleBehavior(
            interval.get(),
            scaleUpLimit.get(),
            stabilization.get(),
            tolerance.get(),
            startup.get(),
            scaleDowns.get()));
  }

  Optional<ForecastSettings> forecast(YamlMap spec) {
    Optional<YamlMap> maybeMap = spec.map("forecast");
    if (maybeMap.isEmpty()) {
      return spec.has("forecast") ? Optional.empty() : Optional.of(ForecastSettings.defaults());
    }
    YamlMap map = maybeMap.get();
    map.allowOnly("model", "horizon", "quantile");
    int before = problems.size();
    Optional<ForecastModel> model =
        Fields.keyword(map, "model", ForecastModel.class, ForecastModel.AUTO);
    Optional<Duration> horizon =
        Fields.checked(map, "horizon", map.duration("horizon"), Check::positive);
    Optional<Double> quantile =
        Fields.checked(
            map,
            "quantile",
            Fields.orDefault(map, "quantile", map::number, ForecastSettings.DEFAULT_QUANTILE),
            v -> Check.openRange(v, 0.5, 1));
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new ForecastSettings(model.get(), horizon, quantile.get()));
  }

  Optional<MetricsSettings> metrics(YamlMap spec) {
    Optional<YamlMap> maybeMap = spec.map("metrics");
    if (maybeMap.isEmpty()) {
      return spec.has("metrics") ? Optional.empty() : Optional.of(MetricsSettings.defaults());
    }
    YamlMap map = maybeMap.get();
    map.allowOnly("preset", "window", "labels", "queries");
    int before = problems.size();
    Optional<MetricsPreset> preset =
        Fields.keyword(map, "preset", MetricsPreset.class, MetricsPreset.VLLM);
    Optional<Duration> window =
        Fields.checked(
            map,
            "window",
            Fields.orDefault(map, "window", map::duration, MetricsSettings.DEFAULT_WINDOW),
            d -> Check.atLeast(d, MetricsSettings.MIN_WINDOW));
    Map<String, String> labels = new LinkedHashMap<>();
    map.map("labels")
        .ifPresent(
            m -> {
              for (String name : m.keys()) {
                Optional<String> problem = Names.prometheusLabel(name);
                problem.ifPresent(p -> m.error(name, p));
                m.string(name).filter(v -> problem.isEmpty()).ifPresent(v -> labels.put(name, v));
              }
            });
    Map<MetricSignal, String> queries = new LinkedHashMap<>();
    map.map("queries")
        .ifPresent(
            m -> {
              m.allowOnly(Keyword.names(MetricSignal.class));
              for (String name : m.keys()) {
                Optional<MetricSignal> signal = Keyword.parse(MetricSignal.class, name);
                Fields.checked(m, name, m.string(name), Names::notBlank)
                    .filter(v -> signal.isPresent())
                    .ifPresent(v -> queries.put(signal.get(), v));
              }
            });
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new MetricsSettings(preset.get(), window.get(), labels, queries));
  }
}
