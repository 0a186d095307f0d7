package dev.tandem.simulations.policy.dynamo;

import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.simulations.policy.ClusterObservation;
import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.policy.ScalingPolicy;
import dev.tandem.simulations.policy.WindowStats;

/**
 * NVIDIA Dynamo's SLA planner (first generation) as a {@link ScalingPolicy}. Every T seconds:
 *
 * <ol>
 *   <li>Read the last T seconds: request count N, mean ISL, mean OSL, mean TTFT, mean ITL, mean
 *       request duration. If TTFT, ITL, ISL or OSL is missing (no traffic), keep the current
 *       counts.
 *   <li>With corrections on: {@code c_p = TTFT_obs / TTFT_profile(ISL_obs)}; {@code c_d = ITL_obs /
 *       ITL_grid(N / D_ready × duration / T, ISL + OSL/2)} (skipped while no decode engine is
 *       ready).
 *   <li>Feed N, ISL, OSL to one predictor each and forecast the next interval (N̂, Î, Ô).
 *   <li>Size P and D with {@link DynamoSizing}, then fit the GPU budget.
 * </ol>
 *
 * No stabilisation and no step limit: the counts are applied as computed. The forecaster is the
 * reference's default, auto-ARIMA refitted every interval on the last 50 values as the planner
 * passes them (or the class default 100; {@link ArimaPredictor}); {@link
 * DynamoSettings#withPredictor} swaps in another, such as its {@code constant} predictor ({@link
 * LastValuePredictor}).
 */
public final class DynamoSlaPolicy implements ScalingPolicy {

  private final String name;
  private final DynamoSettings settings;
  private final DynamoSizing sizing;
  private final LoadPredictor requests;
  private final LoadPredictor isl;
  private final LoadPredictor osl;
  private double prefillCorrection = 1;
  private double decodeCorrection = 1;

  public DynamoSlaPolicy(PerformanceProfile profile, DynamoSettings settings) {
    this("dynamo-sla", profile, settings);
  }

  /** The same planner reported as {@code name} (a named variant of its settings). */
  public DynamoSlaPolicy(String name, PerformanceProfile profile, DynamoSettings settings) {
    this.name = name;
    this.settings = settings;
    this.sizing = new DynamoSizing(profile);
    this.requests = settings.predictor().get();
    this.isl = settings.predictor().get();
    this.osl = settings.predictor().get();
  }

  @Override
  public String name() {
    return name;
  }

  /** The settings this policy runs with. */
  public DynamoSettings settings() {
    return settings;
  }

  @Override
  public long intervalMicros() {
    return Math.round(settings.adjustmentIntervalSeconds() * 1e6);
  }

  @Override
  public long windowMicros() {
    return intervalMicros();
  }

  @Override
  public ReplicaTargets initial() {
    return new ReplicaTargets(settings.initialPrefill(), settings.initialDecode());
  }

  @Override
  public ReplicaTargets decide(ClusterObservation o) {
    ReplicaTargets current = new ReplicaTargets(o.prefill().current(), o.decode().current());
    WindowStats w = o.window();
    double ttft = w.ttft().meanMillis();
    double itl = w.itl().meanMillis();
    if (!o.hasData()
        || Double.isNaN(ttft)
        || Double.isNaN(itl)
        || Double.isNaN(w.inputTokensMean())
        || Double.isNaN(w.outputTokensMean())) {
      return current;
    }
    double t = settings.adjustmentIntervalSeconds();
    if (settings.correction()) {
      prefillCorrection = sizing.prefillCorrection(ttft, w.inputTokensMean());
      if (o.decode().ready() > 0) {
        decodeCorrection =
            sizing.decodeCorrection(
                itl,
                w.arrivals(),
                o.decode().ready(),
                w.requestDurationMeanSeconds(),
                t,
                w.inputTokensMean(),
                w.outputTokensMean());
      }
    }
    requests.addDataPoint(w.arrivals());
    isl.addDataPoint(w.inputTokensMean());
    osl.addDataPoint(w.outputTokensMean());
    double n = requests.predictNext() * settings.loadHeadroom();
    double i = isl.predictNext();
    double out = osl.predictNext();
    if (Double.isNaN(n) || Double.isNaN(i) || Double.isNaN(out)) {
      return current;
    }
    int min = settings.minEndpoint();
    int p = sizing.prefillReplicas(n, i, t, prefillCorrection, min);
    int d = sizing.decodeReplicas(n, i, out, t, settings.itlTargetMillis(), decodeCorrection, min);
    return sizing.fitBudget(p, d, settings.maxGpuBudget(), min);
  }

  /** The last c_p (1 until corrected). */
  public double prefillCorrection() {
    return prefillCorrection;
  }

  /** The last c_d (1 until corrected). */
  public double decodeCorrection() {
    return decodeCorrection;
  }
}
