package dev.tandem.simulations.policy.dynamo;

import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.profiles.model.PrefillPoint;
import java.util.List;

/**
 * The reference planner's prefill interpolator: TTFT(ISL) in ms and throughput(ISL) in
 * tokens/s/GPU, each a not-a-knot cubic spline ({@link NotAKnotSpline}) through the profile's
 * measured batch-1 points, with the ISL first clamped to the measured range {@code [min ISL, max
 * ISL]}. Throughput is the profile's measured value, not ISL/TTFT.
 */
public final class DynamoPrefillInterpolator {

  private final double minIsl;
  private final double maxIsl;
  private final NotAKnotSpline ttft;
  private final NotAKnotSpline throughput;

  public DynamoPrefillInterpolator(PerformanceProfile profile) {
    List<PrefillPoint> points = profile.prefill();
    double[] x = points.stream().mapToDouble(PrefillPoint::inputTokens).toArray();
    this.minIsl = x[0];
    this.maxIsl = x[x.length - 1];
    if (x.length == 1) {
      // One point: a constant curve (a spline needs two).
      x = new double[] {x[0], x[0] + 1};
      this.ttft = constant(x, points.get(0).ttftMillis());
      this.throughput = constant(x, points.get(0).tokensPerSecondPerGpu());
      return;
    }
    this.ttft =
        new NotAKnotSpline(x, points.stream().mapToDouble(PrefillPoint::ttftMillis).toArray());
    this.throughput =
        new NotAKnotSpline(
            x, points.stream().mapToDouble(PrefillPoint::tokensPerSecondPerGpu).toArray());
  }

  private static NotAKnotSpline constant(double[] x, double v) {
    return new NotAKnotSpline(x, new double[] {v, v});
  }

  /** TTFT at batch 1, ms. */
  public double ttftMillis(double isl) {
    return ttft.value(clamp(isl));
  }

  /** Prefill throughput, tokens/s/GPU. */
  public double throughputPerGpu(double isl) {
    return throughput.value(clamp(isl));
  }

  private double clamp(double isl) {
    return Math.max(minIsl, Math.min(isl, maxIsl));
  }
}
