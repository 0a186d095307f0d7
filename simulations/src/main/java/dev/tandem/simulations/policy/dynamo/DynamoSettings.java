package dev.tandem.simulations.policy.dynamo;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Knobs of the reference planner (its command-line defaults where it has them).
 *
 * @param adjustmentIntervalSeconds T: time between decisions and length of the metrics window, s
 *     (default 180)
 * @param itlTargetMillis the ITL target, ms
 * @param ttftTargetMillis the TTFT target, ms (the reference does not size with it)
 * @param minEndpoint fewest engines per role (default 1)
 * @param maxGpuBudget most GPUs for both roles, or −1 for no budget
 * @param correction whether to apply the correction factors c_p and c_d (the reference's default;
 *     its dry-run mode turns them off)
 * @param initialPrefill prefill engines at time 0
 * @param initialDecode decode engines at time 0
 * @param predictor a fresh predictor per series (request count, ISL, OSL): {@link ArimaPredictor}
 *     by default, as the reference's default {@code arima}; {@link LastValuePredictor} is its
 *     {@code constant}
 * @param loadHeadroom multiplier on the forecast request count N̂ (1 = the reference as published;
 *     not a knob of the reference itself: the frontier sweep turns it, with the ITL target, to
 *     trade GPU-hours for attainment)
 */
public record DynamoSettings(
    double adjustmentIntervalSeconds,
    double itlTargetMillis,
    double ttftTargetMillis,
    int minEndpoint,
    int maxGpuBudget,
    boolean correction,
    int initialPrefill,
    int initialDecode,
    Supplier<LoadPredictor> predictor,
    double loadHeadroom) {

  /** As published: no load headroom. */
  public DynamoSettings(
      double adjustmentIntervalSeconds,
      double itlTargetMillis,
      double ttftTargetMillis,
      int minEndpoint,
      int maxGpuBudget,
      boolean correction,
      int initialPrefill,
      int initialDecode,
      Supplier<LoadPredictor> predictor) {
    this(
        adjustmentIntervalSeconds,
        itlTargetMillis,
        ttftTargetMillis,
        minEndpoint,
        maxGpuBudget,
        correction,
        initialPrefill,
        initialDecode,
        predictor,
        1.0);
  }

  public DynamoSettings {
    if (!(loadHeadroom > 0) || Double.isInfinite(loadHeadroom)) {
      throw new IllegalArgumentException("loadHeadroom must be finite > 0, got " + loadHeadroom);
    }
    if (!(adjustmentIntervalSeconds > 0) || !(itlTargetMillis > 0) || !(ttftTargetMillis > 0)) {
      throw new IllegalArgumentException("interval and targets must be > 0");
    }
    if (minEndpoint < 1 || initialPrefill < 1 || initialDecode < 1) {
      throw new IllegalArgumentException("minEndpoint and initial counts must be >= 1");
    }
  }

  /**
   * The configuration of the reference's published benchmark (+52 % goodput over static 2P/2D on
   * its sinusoid): {@code planner_sla --adjustment-interval=60 --no-correction} in its {@code
   * tests/planner/perf_test_configs/disagg_8b_planner.yaml}, everything else the planner's defaults
   * ({@code SLAPlannerDefaults}): ARIMA predictor over the last {@value
   * ArimaPredictor#PLANNER_WINDOW} values, GPU budget 8, minimum 1 engine per role; the deployment
   * starts from 1 prefill and 1 decode worker.
   */
  public static DynamoSettings benchmarked(double ttftTargetMillis, double itlTargetMillis) {
    return new DynamoSettings(
        60,
        itlTargetMillis,
        ttftTargetMillis,
        1,
        8,
        false,
        1,
        1,
        () -> new ArimaPredictor(ArimaPredictor.PLANNER_WINDOW));
  }

  /**
   * The port's earlier configuration, kept as the {@code dynamo-sla-t180} variant: the planner's
   * default interval T = 180 s, corrections on, no budget, ARIMA over the predictor class's default
   * {@value ArimaPredictor#WINDOW} values, 1P/1D (the simulator warm-starts it).
   */
  public static DynamoSettings defaults(double ttftTargetMillis, double itlTargetMillis) {
    return new DynamoSettings(
        180, itlTargetMillis, ttftTargetMillis, 1, -1, true, 1, 1, ArimaPredictor::new);
  }

  public DynamoSettings withCorrection(boolean on) {
    return edit(e -> e.correction = on);
  }

  public DynamoSettings withBudget(int gpus) {
    return edit(e -> e.maxGpuBudget = gpus);
  }

  /** The same settings sized for a different ITL target (a frontier-sweep knob). */
  public DynamoSettings withItlTarget(double millis) {
    return edit(e -> e.itlTargetMillis = millis);
  }

  /** The same settings with N̂ multiplied by {@code factor} (a frontier-sweep knob). */
  public DynamoSettings withLoadHeadroom(double factor) {
    return edit(e -> e.loadHeadroom = factor);
  }

  /** The same settings forecasting with a fresh {@code factory.get()} per series. */
  public DynamoSettings withPredictor(Supplier<LoadPredictor> factory) {
    return edit(e -> e.predictor = factory);
  }

  /** The same settings starting from {@code prefill}/{@code decode} warm engines. */
  public DynamoSettings withInitial(int prefill, int decode) {
    return edit(
        e -> {
          e.initialPrefill = prefill;
          e.initialDecode = decode;
        });
  }

  private DynamoSettings edit(Consumer<Editor> change) {
    Editor e = new Editor(this);
    change.accept(e);
    return new DynamoSettings(
        e.adjustmentIntervalSeconds,
        e.itlTargetMillis,
        e.ttftTargetMillis,
        e.minEndpoint,
        e.maxGpuBudget,
        e.correction,
        e.initialPrefill,
        e.initialDecode,
        e.predictor,
        e.loadHeadroom);
  }

  /** A mutable copy used only inside the withers, so each of them names just its own field. */
  private static final class Editor {
    double adjustmentIntervalSeconds;
    double itlTargetMillis;
    double ttftTargetMillis;
    int minEndpoint;
    int maxGpuBudget;
    boolean correction;
    int initialPrefill;
    int initialDecode;
    Supplier<LoadPredictor> predictor;
    double loadHeadroom;

    Editor(DynamoSettings s) {
      adjustmentIntervalSeconds = s.adjustmentIntervalSeconds;
      itlTargetMillis = s.itlTargetMillis;
      ttftTargetMillis = s.ttftTargetMillis;
      minEndpoint = s.minEndpoint;
      maxGpuBudget = s.maxGpuBudget;
      correction = s.correction;
      initialPrefill = s.initialPrefill;
      initialDecode = s.initialDecode;
      predictor = s.predictor;
      loadHeadroom = s.loadHeadroom;
    }
  }
}
