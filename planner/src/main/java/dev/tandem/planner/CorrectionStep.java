package dev.tandem.planner;

import dev.tandem.config.policy.Role;
import dev.tandem.planner.forecast.LoadForecast;
import dev.tandem.planner.history.RoleHistory;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.metrics.Signal;
import dev.tandem.planner.state.ReplicaState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * Applies {@link CorrectionLearner} to one role when the evidence is healthy: the role is due, the
 * load metrics and the role's latency percentile are OK, there is traffic, and engines are ready.
 * The prediction uses the observed load (rate, ISL/OSL, burstiness) on the ready engines — the ones
 * that produced the observation — not the forecast. When the model calls that load an overload (its
 * queue grows without bound) nothing is learned: the observation then measures the backlog.
 *
 * <p>Nor is anything learned while the role's capacity is in transition (engines starting or
 * draining): a scale-up is under way because the role was short of capacity, so the window's
 * latencies measure the shortage and its backlog (which then drains through engines that were not
 * there when it built up), not the engines' speed; a draining engine's last requests likewise mix
 * two configurations into one window. Learning from such windows drove k to its bound of 2 during
 * every ramp of a sinusoid in the simulator (observed TTFT 553 ms vs 129 ms predicted on 5 ready
 * engines while 3 more were starting), after which both roles were sized twice too large.
 *
 * <p>The same holds for the whole observation window, not only the instant of the decision: a
 * latency window that began before the role's current capacity settled (engines became ready or
 * left during it) was served partly by other engines than the ready ones the prediction uses. The
 * role history tracks since when the role has been settled at its ready count ({@link
 * RoleHistory#visited}, updated on every visit, due or not); only a window that starts at or after
 * that instant teaches k. Without this the window right after a scale-up became ready — still
 * holding the backlog of the shortage, with its latencies charged to the larger pool — drove the
 * prefill k from 1.0 to ≈ 1.7 on every ramp of the simulator's sinusoid (observed TTFT 180 ms vs 99
 * ms predicted on 5 ready engines of which 2 had been ready for under a minute), and the crest was
 * sized for engines 70 % slower than they were.
 */
final class CorrectionStep {

  /**
   * A window whose observed and predicted latency are both below this share of the target is at
   * light load: one that reads slower than the model there does not raise k.
   */
  static final double NEAR_TARGET = 0.5;

  private CorrectionStep() {}

  private static boolean inTransition(ReplicaState s) {
    return s.starting() > 0 || s.draining() > 0;
  }

  /**
   * A role's history with its correction updated, and why.
   *
   * @param sizingCorrection the k the role is sized with: the learned k widened by how much single
   *     windows disagree with it ({@link CorrectionLearner#sizing}); the learned k until {@link
   *     #sizedFor} is applied
   */
  record Learned(RoleHistory history, Explanation why, double sizingCorrection) {

    Learned(RoleHistory history, Explanation why) {
      this(history, why, history.correction());
    }

    /**
     * This result sized at the learned k itself, without the margin for single windows: for a role
     * whose target no engine count meets. The margin makes the target hold with the forecast's
     * probability; an unattainable target has no probability to protect, and the role is sized for
     * the count past which more engines buy little, which the central k places best (on ShareGPT's
     * prompts with an 80 ms TTFT target the margin of two early windows, k 1.35 → 1.75, held 9
     * prefill engines where 5 give the same TTFT).
     */
    Learned unattainable() {
      double k = history.correction();
      return sizedAt(
          k,
          Format.f(
              "; sized at the learned k = %.3f, without the margin for single windows: the target"
                  + " is unattainable, so the role is sized for the best attainable latency",
              k));
    }

    /** This result sized at {@code k}, with {@code note} added to the reason. */
    private Learned sizedAt(double k, String note) {
      return new Learned(history, new Explanation(why.reason(), why.message() + note), k);
    }

    /** This result with the sizing correction for {@code quantile}, stated in the reason. */
    Learned sizedFor(double quantile) {
      return sizedFor(quantile, 0);
    }

    /**
     * This result with the sizing correction for {@code quantile} when the forecast already sized
     * the rate with a margin of ln(peak / point peak) = {@code rateMargin} for the same quantile.
     * The two uncertainties are independent (how fast the engines are vs how much load comes), so
     * their log-margins add in quadrature, not linearly: the product of two P90s is about the P97
     * of the product. The rate keeps its margin; k gets the rest, √(m_rate² + m_k²) − m_rate.
     */
    Learned sizedFor(double quantile, double rateMargin) {
      double k = history.correction();
      double full = CorrectionLearner.sizing(k, history.correctionSpread(), quantile);
      double kMargin = Math.log(full / k);
      double combined = Math.sqrt(rateMargin * rateMargin + kMargin * kMargin) - rateMargin;
      double sized = k * Math.exp(combined);
      if (!(sized > k * (1 + 1e-9))) {
        return new Learned(history, why, k);
      }
      String quadrature =
          rateMargin > 0
              ? Format.f(
                  ", combined in quadrature with the forecast's +%.1f%% on the rate: +%.1f%% for"
                      + " both instead of +%.1f%%",
                  (Math.exp(rateMargin) - 1) * 100,
                  (Math.exp(rateMargin + combined) - 1) * 100,
                  (Math.exp(rateMargin + kMargin) - 1) * 100)
              : "";
      return sizedAt(
          sized,
          Format.f(
              "; sized at k = %.3f: the P%s of the k single windows need (their ln k scatters by"
                  + " σ = %.3f)%s",
              sized,
              Format.num(quantile * 100),
              Math.sqrt(history.correctionSpread()),
              quadrature));
    }
  }

  /** What one role's observation this decision rests on. */
  private record Evidence(
      PlannerInput in,
      Role role,
      ReplicaState state,
      Signal observed,
      RoleHistory history,
      Instant windowStart,
      String latency) {}

  /**
   * One condition an observation must meet to teach k; {@code unmet} returns why it is not met, or
   * "" when it is.
   */
  private record Rule(String name, Function<Evidence, String> unmet) {}

  /** The conditions, in the order they are checked (the first unmet one is the reason given). */
  private static final List<Rule> RULES =
      List.of(
          new Rule("due", e -> e.in().isDue(e.role()) ? "" : "role not due"),
          new Rule(
              "healthy load",
              e -> e.in().metrics().loadIsHealthy() ? "" : "load metrics not healthy"),
          new Rule(
              "latency observed",
              e ->
                  e.observed().isOk()
                      ? ""
                      : "observed " + e.latency() + " " + e.observed().health()),
          new Rule("traffic", e -> e.in().metrics().arrivalRate().value() > 0 ? "" : "no traffic"),
          new Rule("ready engines", e -> e.state().ready() > 0 ? "" : "no ready engines"),
          new Rule(
              "capacity not in transition",
              e ->
                  !inTransition(e.state())
                      ? ""
                      : "capacity in transition: "
                          + e.state().starting()
                          + " starting, "
                          + e.state().draining()
                          + " draining"),
          new Rule(
              "settled through the window",
              e ->
                  e.history().settledThrough(e.windowStart())
                      ? ""
                      : "capacity settled at "
                          + e.state().ready()
                          + " ready only since "
                          + e.history().settledSince().map(Instant::toString).orElse("-")
                          + ", after the window's start "
                          + e.windowStart()));

  /**
   * The rate the window's percentile was observed at. A window is read as its mean rate, but while
   * the rate moves its requests do not see that rate alike: the percentile q of their latencies
   * belongs to the window's busier end, at about the rate q of the way along the ramp, {@code mean
   * + |trend| · w · (q − ½)}. On the sinusoid's ramps the mean read 35.3 req/s where the p90 TTFT
   * (121.9 ms) came from the last seconds at about 42; predicting it at the mean taught k = 1.26
   * for engines that run at k ≈ 1.0, and the margin that followed asked for a fifth prefill engine
   * at every crest. The trend is the recent readings' slope where it is beyond their scatter (0 on
   * a flat but bursty load).
   */
  static double busierEndRate(PlannerInput in, Role role) {
    Signal r = in.metrics().arrivalRate();
    LoadForecast f = role == Role.PREFILL ? in.prefillForecast() : in.decodeForecast();
    double trend = f.rateTrend();
    if (!Double.isFinite(trend)) {
      return r.value();
    }
    double q = in.objective(role).percentile() / 100;
    double windowSeconds = r.window().toMillis() / 1000.0;
    return r.value() + Math.abs(trend) * windowSeconds * Math.max(0, q - 0.5);
  }

  static Learned learn(PlannerInput in, Role role, RoleHistory seen, Instant now) {
    MetricsSnapshot m = in.metrics();
    Signal observed = role == Role.PREFILL ? m.ttftPercentileMillis() : m.itlPercentileMillis();
    int ready = in.replicas().of(role).ready();
    boolean transition = inTransition(in.replicas().of(role));
    RoleHistory history = seen.visited(now, ready, transition, observed.window());
    Instant windowStart = now.minus(observed.window());
    double k = history.correction();
    String latency = role == Role.PREFILL ? "TTFT" : "ITL";
    Evidence evidence =
        new Evidence(in, role, in.replicas().of(role), observed, history, windowStart, latency);
    String skip = "";
    for (Rule rule : RULES) {
      skip = rule.unmet().apply(evidence);
      if (!skip.isEmpty()) {
        break;
      }
    }
    if (!skip.isEmpty()) {
      return new Learned(
          history,
          new Explanation(
              Reason.CORRECTION,
              Format.f("k = %.3f kept (%s; %d samples)", k, skip, history.correctionSamples())));
    }
    double rate = busierEndRate(in, role);
    LoadForecast observedLoad =
        new LoadForecast(
            rate,
            rate,
            m.inputTokensMean().value(),
            Math.max(
                m.inputTokensMean().value() * m.inputTokensMean().value(),
                m.inputTokensSecondMoment().orElse(0)),
            m.outputTokensMean().value(),
            Math.max(
                m.outputTokensMean().value() * m.outputTokensMean().value(),
                m.outputTokensSecondMoment().orElse(0)),
            Duration.ZERO,
            in.prefillForecast().quantile(),
            true,
            "observed load");
    DoubleUnaryOperator predict =
        kk ->
            (role == Role.PREFILL
                    ? new PrefillRoleModel(in.deployment(), observedLoad, m, kk)
                    : new DecodeRoleModel(in.deployment(), observedLoad, m, kk))
                .predictMillis(ready);
    double predicted = predict.applyAsDouble(k);
    if (Double.isInfinite(predicted)) {
      return new Learned(
          history,
          new Explanation(
              Reason.CORRECTION,
              Format.f(
                  "k = %.3f kept (%d ready engines are overloaded at %s req/s in the model: the"
                      + " observed %s measures the backlog; %d samples)",
                  k, ready, Format.num(rate), latency, history.correctionSamples())));
    }
    double target = in.targetMillis(role);
    double low = observed.isExact() ? observed.value() : observed.lower();
    if (Math.max(low, predicted) < NEAR_TARGET * target && low > predicted) {
      // Far below the target, with the model's queue nearly empty, a reading slower than the model
      // is not slower engines: requests that arrive together wait for each other at any load (the
      // clumps of the Azure code trace read 115 ms where 95 ms was predicted on 7 idle engines),
      // and more engines do not remove that in proportion. Learning it taught k ≈ 1.4 there and
      // sized every peak for engines 40 % slower than they were (8.42 GPU-h where 6.93 do). A
      // faster reading at light load is the service time itself, and is learned; so is every
      // window near the target, where the sizing uses the model. The window still agrees with k
      // as far as it goes, so the scatter margin narrows as after a sample that matched.
      double spread =
          CorrectionLearner.spread(history.correctionSpread(), k, k, history.correctionSamples());
      return new Learned(
          history.withCorrection(k, history.correctionSamples(), spread),
          new Explanation(
              Reason.CORRECTION,
              Format.f(
                  "k = %.3f kept (observed %s %s above the %s predicted on %d ready engines, both"
                      + " below %.0f%% of the target %s: at light load that is requests waiting for"
                      + " each other, not slower engines; the window only narrows the margin; %d"
                      + " samples)",
                  k,
                  latency,
                  Format.ms(low),
                  Format.ms(predicted),
                  ready,
                  NEAR_TARGET * 100,
                  Format.ms(target),
                  history.correctionSamples())));
    }
    if (!observed.isExact() && predicted >= observed.lower() && predicted <= observed.upper()) {
      // A histogram percentile is known only as its bucket: when the model already predicts a
      // value inside it, the observation agrees with k and says nothing more. Solving for the
      // interpolated point would learn the bucket's shape (vLLM's first ITL bucket is (0, 10 ms]:
      // every p90 below 10 ms reads about 9 ms), not the engines.
      return new Learned(
          history,
          new Explanation(
              Reason.CORRECTION,
              Format.f(
                  "k = %.3f kept (observed %s is known only to lie in [%s, %s], and %s predicted"
                      + " on %d ready engines is inside it; %d samples)",
                  k,
                  latency,
                  Format.ms(observed.lower()),
                  Format.ms(observed.upper()),
                  Format.ms(predicted),
                  ready,
                  history.correctionSamples())));
    }
    // exact, or outside the bucket: learn towards the observation, or the nearer edge of its bucket
    double towards =
        observed.isExact()
            ? observed.value()
            : predicted < observed.lower() ? observed.lower() : observed.upper();
    double explaining = CorrectionLearner.solve(predict, towards);
    double next = CorrectionLearner.next(k, explaining, history.correctionSamples());
    long samples = history.correctionSamples() + 1;
    double spread =
        CorrectionLearner.spread(
            history.correctionSpread(), k, explaining, history.correctionSamples());
    return new Learned(
        history.withCorrection(next, samples, spread),
        new Explanation(
            Reason.CORRECTION,
            Format.f(
                "k %.3f → %.3f: observed %s %s vs %s predicted on %d ready engines at %s,"
                    + " which k = %.3f explains (%d samples, bounded to [%.1f, %.1f])",
                k,
                next,
                latency,
                observed.isExact()
                    ? Format.ms(observed.value())
                    : "in ["
                        + Format.ms(observed.lower())
                        + ", "
                        + Format.ms(observed.upper())
                        + "]",
                Format.ms(predicted),
                ready,
                rate == m.arrivalRate().value()
                    ? Format.num(rate) + " req/s"
                    : Format.num(rate)
                        + " req/s (the window's busier end: its mean "
                        + Format.num(m.arrivalRate().value())
                        + " req/s is moving)",
                explaining,
                samples,
                CorrectionLearner.MIN,
                CorrectionLearner.MAX)));
  }
}
