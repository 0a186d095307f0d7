package dev.tandem.service.api;

import dev.tandem.config.policy.Role;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.config.yaml.Problem;
import dev.tandem.planner.Deployment;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.Explanation;
import dev.tandem.planner.Recommender;
import dev.tandem.planner.RoleDecision;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.service.ServiceSettings;
import dev.tandem.service.api.RecommendationRequest.LoadSpec;
import dev.tandem.service.api.RecommendationRequest.Point;
import dev.tandem.service.api.RecommendationView.Prediction;
import dev.tandem.service.api.RecommendationView.RoleView;
import dev.tandem.service.api.RecommendationView.Step;
import dev.tandem.service.policy.PolicyCatalog;
import dev.tandem.service.policy.PolicyFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.http.HttpStatus;

/**
 * The dry-run: the planner's {@link Recommender} (the code behind {@code tandem recommend}) run
 * twice — once from the current counts (the next step the loop would write) and once from the
 * SLA-sized counts (so the predicted latencies at the size the SLA needs are read at that size).
 * Request values are checked here, each refusal naming its field.
 */
public final class RecommendationService {

  static final int MAX_SERIES = 1440;
  static final double MAX_RATE = 1e6;
  static final double MAX_TOKENS = 1e7;
  static final int MAX_REPLICAS = 100_000;

  private final PolicyCatalog catalog;
  private final Path policyDirectory;
  private final Clock clock;
  private final Recommender recommender = new Recommender();

  public RecommendationService(PolicyCatalog catalog, ServiceSettings settings, Clock clock) {
    this.catalog = catalog;
    this.policyDirectory = settings.policies();
    this.clock = clock;
  }

  public RecommendationView recommend(RecommendationRequest request) {
    Deployment deployment = deployment(request);
    PlannedLoad planned = load(request.load());
    OptionalInt prefill = count(request.current(), Role.PREFILL);
    OptionalInt decode = count(request.current(), Role.DECODE);
    Instant now = clock.instant();
    Recommender.Load load = planned.load(prefill, decode);
    ScalingPlan next = recommender.recommend(deployment, load, now);
    ScalingPlan atSla =
        recommender.recommend(
            deployment,
            planned.load(
                OptionalInt.of(next.prefill().target()), OptionalInt.of(next.decode().target())),
            now);
    return view(deployment, planned, next, atSla, request.observed());
  }

  private RecommendationView view(
      Deployment deployment,
      PlannedLoad planned,
      ScalingPlan next,
      ScalingPlan atSla,
      RecommendationRequest.Observed observed) {
    SlaPolicy policy = deployment.policy();
    List<RoleView> roles = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (RoleDecision r : next.decisions()) {
      RoleDecision s = atSla.decision(r.role());
      roles.add(
          new RoleView(
              r.role().yamlName(),
              r.gpusPerReplica(),
              r.current(),
              step(r.desired(), r.desiredWhy()),
              step(r.target(), r.targetWhy()),
              prediction(policy, r.role(), r.desired(), r.predictedMillis(), r.predictedWhy()),
              prediction(policy, r.role(), s.desired(), s.predictedMillis(), s.predictedWhy()),
              r.correction()));
      String name = r.role().yamlName();
      reasons.add(name + " SLA size: " + r.targetWhy());
      reasons.add(name + " next step: " + r.desiredWhy());
      reasons.add(name + " predicted at next step: " + r.predictedWhy());
      if (s.desired() != r.desired()) {
        reasons.add(name + " predicted at SLA size: " + s.predictedWhy());
      }
    }
    reasons.add("GPUs: " + next.gpusWhy());
    RecommendationView.ObservedView obs = null;
    if (observed != null) {
      check("observed.ttftMillis", observed.ttftMillis(), 0, 3.6e6, true);
      check("observed.itlMillis", observed.itlMillis(), 0, 3.6e6, true);
      obs =
          new RecommendationView.ObservedView(
              observed.ttftMillis(),
              observed.itlMillis(),
              "echoed beside the predictions; a one-shot plan has no settled window to learn a"
                  + " correction from, so observed latencies do not change it (the running loop"
                  + " learns them: GET /v1/deployments/{namespace}/{name})");
    }
    return new RecommendationView(
        next.deployment().toString(),
        next.mode().name().toLowerCase(java.util.Locale.ROOT),
        true,
        next.at(),
        planned.view(),
        roles,
        new RecommendationView.GpusView(
            next.gpus(), atSla.gpus(), policy.budget().maxGpus(), next.gpusWhy().message()),
        obs,
        reasons);
  }

  private static Step step(int replicas, Explanation why) {
    return new Step(replicas, why.reason().name(), why.message());
  }

  private static Prediction prediction(
      SlaPolicy policy, Role role, int replicas, double millis, Explanation why) {
    String signal = role == Role.PREFILL ? "ttft" : role == Role.DECODE ? "itl" : "none";
    double percentile =
        role == Role.PREFILL
            ? policy.sla().ttft().percentile()
            : role == Role.DECODE ? policy.sla().itl().percentile() : Double.NaN;
    boolean finite = Double.isFinite(millis);
    return new Prediction(
        signal,
        Double.isFinite(percentile) ? percentile : 0,
        replicas,
        finite ? millis : null,
        millis == Double.POSITIVE_INFINITY,
        why.reason().name(),
        why.message());
  }

  private Deployment deployment(RecommendationRequest request) {
    boolean byName = request.policy() != null;
    boolean inline = request.policyYaml() != null;
    if (!inline && !byName) {
      throw ApiProblem.badField(
          "policy", "give a running policy by name (policy.name) or one inline (policyYaml)");
    }
    if (inline) {
      return inline(request.policyYaml(), byName ? request.policy().name() : null);
    }
    RecommendationRequest.PolicyRef ref = request.policy();
    if (ref.name() == null || ref.name().isBlank()) {
      throw ApiProblem.badField("policy.name", "required");
    }
    PolicyCatalog.Catalog c = catalog.current();
    List<Deployment> matches =
        c.deployments().stream()
            .filter(d -> d.policy().name().equals(ref.name()))
            .filter(d -> ref.namespace() == null || d.policy().namespace().equals(ref.namespace()))
            .toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    String known = c.deployments().stream().map(d -> d.key().toString()).toList().toString();
    if (matches.isEmpty()) {
      throw new ApiProblem(
          HttpStatus.NOT_FOUND,
          "Unknown policy",
          List.of(
              new ApiProblem.FieldError(
                  "policy.name",
                  "",
                  "no running policy "
                      + (ref.namespace() == null ? "" : ref.namespace() + "/")
                      + ref.name()
                      + "; running: "
                      + known)));
    }
    throw ApiProblem.badField(
        "policy.namespace",
        "several running policies are named " + ref.name() + "; give the namespace: " + known);
  }

  private Deployment inline(String yaml, String name) {
    String source = policyDirectory.resolve("policyYaml").toString();
    PolicyFiles.FileLoad load = PolicyFiles.read(source, yaml, Optional.of(policyDirectory));
    if (!load.valid()) {
      List<ApiProblem.FieldError> errors = new ArrayList<>();
      for (Problem p : load.problems()) {
        String where = p.where().toString().replace(source, "policyYaml");
        errors.add(
            new ApiProblem.FieldError(
                p.path().isEmpty() ? "policyYaml" : p.path(), where, p.message()));
      }
      throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid policy", errors);
    }
    List<Deployment> matching =
        load.deployments().stream()
            .filter(d -> name == null || d.policy().name().equals(name))
            .toList();
    if (matching.size() != 1) {
      throw ApiProblem.badField(
          matching.isEmpty() ? "policyYaml" : "policy.name",
          (matching.isEmpty() ? "no SlaPolicy" : "several policies")
              + (name == null ? "" : " named " + name)
              + " in policyYaml; found: "
              + load.deployments().stream().map(d -> d.policy().name()).toList());
    }
    return matching.get(0);
  }

  /** The load as planned, and how it was derived. */
  private record PlannedLoad(
      double rate,
      double isl,
      double osl,
      double islCv,
      double oslCv,
      double arrivalCv2,
      double prefixHitRate,
      String source) {

    Recommender.Load load(OptionalInt prefill, OptionalInt decode) {
      return new Recommender.Load(
          rate, isl, islCv, osl, oslCv, arrivalCv2, prefixHitRate, prefill, decode);
    }

    RecommendationView.LoadView view() {
      return new RecommendationView.LoadView(
          rate, isl, osl, islCv, oslCv, arrivalCv2, prefixHitRate, source);
    }
  }

  private static PlannedLoad load(LoadSpec l) {
    if (l == null) {
      throw ApiProblem.badField("load", "required: {rate, isl, osl} or {series: [...]}");
    }
    double islCv = orDefault("load.islCv", l.islCv(), 0, 0, 10);
    double oslCv = orDefault("load.oslCv", l.oslCv(), 0, 0, 10);
    double cv2 = orDefault("load.arrivalCv2", l.arrivalCv2(), 1, 0, 100);
    double hit = orDefault("load.prefixHitRate", l.prefixHitRate(), 0, 0, 1);
    if (l.series() != null) {
      if (l.rate() != null || l.isl() != null || l.osl() != null) {
        throw ApiProblem.badField("load.series", "give either rate/isl/osl or a series, not both");
      }
      return series(l.series(), islCv, oslCv, cv2, hit);
    }
    double rate = check("load.rate", l.rate(), 0, MAX_RATE, false);
    double isl = positive("load.isl", l.isl());
    double osl = positive("load.osl", l.osl());
    return new PlannedLoad(rate, isl, osl, islCv, oslCv, cv2, hit, "given");
  }

  private static PlannedLoad series(
      List<Point> points, double islCv, double oslCv, double cv2, double hit) {
    if (points.isEmpty() || points.size() > MAX_SERIES) {
      throw ApiProblem.badField(
          "load.series", "needs 1 to " + MAX_SERIES + " points, got " + points.size());
    }
    double peak = 0;
    double weight = 0;
    double islSum = 0;
    double oslSum = 0;
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      if (p == null) {
        throw ApiProblem.badField("load.series[" + i + "]", "required");
      }
      double rate = check("load.series[" + i + "].rate", p.rate(), 0, MAX_RATE, false);
      double isl = positive("load.series[" + i + "].isl", p.isl());
      double osl = positive("load.series[" + i + "].osl", p.osl());
      peak = Math.max(peak, rate);
      double w = Math.max(rate, 1e-9);
      weight += w;
      islSum += w * isl;
      oslSum += w * osl;
    }
    return new PlannedLoad(
        peak,
        islSum / weight,
        oslSum / weight,
        islCv,
        oslCv,
        cv2,
        hit,
        "series of "
            + points.size()
            + " points: sized for its peak rate at the rate-weighted mean lengths");
  }

  private static double positive(String field, Double v) {
    double x = check(field, v, 0, MAX_TOKENS, false);
    if (x <= 0) {
      throw ApiProblem.badField(field, "must be > 0, got " + x);
    }
    return x;
  }

  private static double orDefault(String field, Double v, double dflt, double min, double max) {
    return v == null ? dflt : check(field, v, min, max, false);
  }

  private static double check(String field, Double v, double min, double max, boolean optional) {
    if (v == null) {
      if (optional) {
        return Double.NaN;
      }
      throw ApiProblem.badField(field, "required");
    }
    if (!Double.isFinite(v) || v < min || v > max) {
      throw ApiProblem.badField(field, v + " is out of range [" + min + ", " + max + "]");
    }
    return v;
  }

  private static OptionalInt count(RecommendationRequest.Current current, Role role) {
    if (current == null) {
      return OptionalInt.empty();
    }
    Integer v = role == Role.PREFILL ? current.prefill() : current.decode();
    if (v == null) {
      return OptionalInt.empty();
    }
    if (v < 0 || v > MAX_REPLICAS) {
      throw ApiProblem.badField(
          "current." + role.yamlName(), v + " is out of range [0, " + MAX_REPLICAS + "]");
    }
    return OptionalInt.of(v);
  }

  static DeploymentKey key(String namespace, String name) {
    return new DeploymentKey(namespace, name);
  }
}
