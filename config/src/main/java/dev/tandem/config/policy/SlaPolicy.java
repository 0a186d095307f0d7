package dev.tandem.config.policy;

import dev.tandem.config.yaml.SourceLocation;

/**
 * One disaggregated deployment under Tandem: its latency objectives, the objects that run its
 * prefill and decode engines (and routers), its GPU budget, and how it scales. Read from a {@code
 * kind: SlaPolicy} document by {@link SlaPolicyLoader}; every default is filled in. The file format
 * is described in {@code config/POLICY.md}.
 *
 * @param name the policy's name (DNS-1123 label), unique within its namespace
 * @param namespace the policy's namespace (DNS-1123 label), default {@code default}; also the
 *     default namespace of its targets
 * @param mode whether decisions are written or only reported; default {@link Mode#ADVISORY}
 * @param sla the TTFT and ITL objectives
 * @param roles the scaled roles
 * @param budget the GPUs the deployment may hold; at least the roles' minimums
 * @param behavior how fast each role moves
 * @param forecast how load is forecast
 * @param metrics where the signals come from
 * @param origin where the document starts (file, line and column of its first key)
 * @param nameLocation where {@code metadata.name} is written
 */
public record SlaPolicy(
    String name,
    String namespace,
    Mode mode,
    SlaObjectives sla,
    Roles roles,
    Budget budget,
    Behavior behavior,
    ForecastSettings forecast,
    MetricsSettings metrics,
    SourceLocation origin,
    SourceLocation nameLocation) {

  public static final String API_VERSION = "tandem.dev/v1alpha1";
  public static final String KIND = "SlaPolicy";
  public static final String DEFAULT_NAMESPACE = "default";

  public SlaPolicy {
    Check.present("name", name);
    Check.present("namespace", namespace);
    Check.present("mode", mode);
    Check.present("sla", sla);
    Check.present("roles", roles);
    Check.present("budget", budget);
    Check.present("behavior", behavior);
    Check.present("forecast", forecast);
    Check.present("metrics", metrics);
    Check.present("origin", origin);
    Check.present("nameLocation", nameLocation);
    Check.valid("metadata.name", Names.label(name));
    Check.valid("metadata.namespace", Names.label(namespace));
    Check.valid("spec.budget.maxGpus", MinimumGpus.check(budget.maxGpus(), roles));
  }

  /** {@code namespace/name}, unique in a set of policies. */
  public String key() {
    return namespace + "/" + name;
  }
}
