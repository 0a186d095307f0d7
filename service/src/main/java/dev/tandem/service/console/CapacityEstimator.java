package dev.tandem.service.console;

import dev.tandem.planner.Deployment;
import dev.tandem.planner.Reason;
import dev.tandem.planner.Recommender;
import dev.tandem.planner.RoleDecision;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.forecast.LoadForecast;
import dev.tandem.planner.metrics.MetricsSnapshot;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The request rate a plan's decided counts carry within the SLA: the largest rate at which the
 * planner, sizing for that rate with the plan's lengths and the observed burstiness, needs no more
 * prefill and no more decode replicas than were decided. Found by bisection over {@link
 * Recommender} (the dry-run's code), so it uses the profile as measured, without the correction the
 * loop learns from observed latencies; the console labels it so.
 *
 * <p>A count "carries" a rate when the SLA-sized target fits in it and was not cut by a maximum,
 * the budget or an unreachable target (those cap the target below what the SLA needs).
 */
final class CapacityEstimator {

  /** Relative precision of the bisection. */
  static final double PRECISION = 0.005;

  /** Beyond this the capacity is reported as unknown rather than searched further, req/s. */
  static final double CEILING = 1e5;

  private static final Set<Reason> CAPPED =
      EnumSet.of(
          Reason.MAX_REPLICAS,
          Reason.BUDGET_CAPPED,
          Reason.SLA_UNATTAINABLE,
          Reason.BUDGET_MINIMUMS_DO_NOT_FIT);

  private final Recommender recommender = new Recommender();

  /** Requests/s carried by {@code plan}'s decided counts; empty when it cannot be said. */
  Optional<Double> capacity(Deployment d, ScalingPlan plan, Optional<MetricsSnapshot> metrics) {
    LoadForecast f = plan.prefillForecast();
    LoadForecast g = plan.decodeForecast();
    if (!(f.inputTokensMean() > 0) || !(g.outputTokensMean() > 0)) {
      return Optional.empty(); // no lengths known yet (no traffic seen)
    }
    double arrivalCv2 = metrics.map(m -> m.arrivalCv2().orElse(1.0)).orElse(1.0);
    double prefix = metrics.map(m -> m.prefixCacheHitRate().orElse(0)).orElse(0.0);
    Shape shape =
        new Shape(
            f.inputTokensMean(),
            cv(f.inputTokensMean(), f.inputTokensSecondMoment()),
            g.outputTokensMean(),
            cv(g.outputTokensMean(), g.outputTokensSecondMoment()),
            Math.max(0, arrivalCv2),
            Math.min(1, Math.max(0, prefix)));
    int prefill = plan.prefill().desired();
    int decode = plan.decode().desired();
    try {
      double lo = 0;
      double hi = Math.max(1, f.peakRate());
      while (carries(d, plan.at(), shape, hi, prefill, decode)) {
        lo = hi;
        hi *= 2;
        if (hi > CEILING) {
          return Optional.empty();
        }
      }
      while (hi - lo > PRECISION * hi) {
        double mid = (lo + hi) / 2;
        if (carries(d, plan.at(), shape, mid, prefill, decode)) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      return Optional.of(lo);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a length or variance the planner refuses: say nothing
    }
  }

  private boolean carries(Deployment d, Instant at, Shape s, double rate, int prefill, int decode) {
    ScalingPlan p =
        recommender.recommend(
            d,
            new Recommender.Load(
                rate,
                s.isl(),
                s.islCv(),
                s.osl(),
                s.oslCv(),
                s.arrivalCv2(),
                s.prefixHitRate(),
                OptionalInt.of(prefill),
                OptionalInt.of(decode)),
            at);
    return fits(p.prefill(), prefill) && fits(p.decode(), decode);
  }

  private static boolean fits(RoleDecision r, int count) {
    return r.target() <= count && !CAPPED.contains(r.targetWhy().reason());
  }

  private static double cv(double mean, double secondMoment) {
    double variance = secondMoment - mean * mean;
    return variance > 0 ? Math.sqrt(variance) / mean : 0;
  }

  private record Shape(
      double isl,
      double islCv,
      double osl,
      double oslCv,
      double arrivalCv2,
      double prefixHitRate) {}
}
