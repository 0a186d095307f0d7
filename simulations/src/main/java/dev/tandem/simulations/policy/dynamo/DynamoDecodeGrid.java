package dev.tandem.simulations.policy.dynamo;

import dev.tandem.profiles.model.DecodePoint;
import dev.tandem.profiles.model.PerformanceProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The reference planner's decode interpolator: ITL (ms) and throughput (tokens/s/GPU) on a {@code
 * resolution × resolution} grid of KV usage {@code x_i = i/(R−1)} ∈ [0, 1] and context {@code y_j =
 * j · maxContext/(R−1)} (R = 100), queried by rounding to the nearest grid point (half to even, as
 * NumPy rounds).
 *
 * <ul>
 *   <li>{@link #best}: the row nearest the context; scanning KV usage from the top, the first grid
 *       point whose ITL ≤ the target gives the throughput (else the row's first point).
 *   <li>{@link #itlMillis}: KV usage {@code = concurrency × context / kvCapacity}, both rounded to
 *       the grid.
 * </ul>
 *
 * <p>Approximated: the reference fills the grid with SciPy's {@code griddata(method="cubic")}
 * (Clough–Tocher on a Delaunay triangulation of the scattered points) and nearest-neighbour outside
 * their hull. Here each grid value is piecewise linear in KV usage along every measured context,
 * then linear between the two neighbouring contexts, clamped outside the measured range (which is
 * what nearest-neighbour gives along the steep context axis). The profiles are dense along KV
 * usage, so the two agree closely where the planner reads them (ITL near the target); a test checks
 * the published test vectors.
 */
public final class DynamoDecodeGrid {

  public static final int RESOLUTION = 100;

  private final int resolution;
  private final double maxContext;
  private final long kvCapacity;
  private final double[][] itl;
  private final double[][] throughput;

  public DynamoDecodeGrid(PerformanceProfile profile) {
    this(profile, RESOLUTION);
  }

  public DynamoDecodeGrid(PerformanceProfile profile, int resolution) {
    if (resolution < 2) {
      throw new IllegalArgumentException("resolution must be >= 2, got " + resolution);
    }
    this.resolution = resolution;
    this.kvCapacity = profile.engine().kvCapacityTokens();
    TreeMap<Double, List<double[]>> byContext = new TreeMap<>();
    for (DecodePoint p : profile.decode()) {
      double kv = p.kvUsage().orElse(p.concurrency() * p.contextTokens() / (double) kvCapacity);
      byContext
          .computeIfAbsent(p.contextTokens(), c -> new ArrayList<>())
          .add(new double[] {kv, p.itlMillis(), p.outputTokensPerSecondPerGpu()});
    }
    this.maxContext = byContext.lastKey();
    double[] contexts = byContext.keySet().stream().mapToDouble(Double::doubleValue).toArray();
    List<double[][]> rows = new ArrayList<>();
    for (List<double[]> pts : byContext.values()) {
      pts.sort((a, b) -> Double.compare(a[0], b[0]));
      rows.add(pts.toArray(new double[0][]));
    }
    this.itl = new double[resolution][resolution];
    this.throughput = new double[resolution][resolution];
    for (int j = 0; j < resolution; j++) {
      double y = j * maxContext / (resolution - 1);
      for (int i = 0; i < resolution; i++) {
        double x = i / (double) (resolution - 1);
        itl[j][i] = across(contexts, rows, x, y, 1);
        throughput[j][i] = across(contexts, rows, x, y, 2);
      }
    }
  }

  private static double across(
      double[] contexts, List<double[][]> rows, double kv, double context, int column) {
    int n = contexts.length;
    if (context <= contexts[0]) {
      return along(rows.get(0), kv, column);
    }
    if (context >= contexts[n - 1]) {
      return along(rows.get(n - 1), kv, column);
    }
    int hi = 1;
    while (contexts[hi] < context) {
      hi++;
    }
    double w = (context - contexts[hi - 1]) / (contexts[hi] - contexts[hi - 1]);
    double lo = along(rows.get(hi - 1), kv, column);
    return lo + w * (along(rows.get(hi), kv, column) - lo);
  }

  private static double along(double[][] pts, double kv, int column) {
    if (kv <= pts[0][0]) {
      return pts[0][column];
    }
    int last = pts.length - 1;
    if (kv >= pts[last][0]) {
      return pts[last][column];
    }
    int hi = 1;
    while (pts[hi][0] < kv) {
      hi++;
    }
    double w = (kv - pts[hi - 1][0]) / (pts[hi][0] - pts[hi - 1][0]);
    return pts[hi - 1][column] + w * (pts[hi][column] - pts[hi - 1][column]);
  }

  /**
   * The best decode operating point for an ITL target.
   *
   * @param throughputPerGpu output tokens/s/GPU at that point
   * @param itlMillis the grid's ITL there, ms
   * @param kvUsage the grid's KV usage there
   */
  public record OperatingPoint(double throughputPerGpu, double itlMillis, double kvUsage) {}

  /** Highest-KV-usage grid point of the context's row with ITL ≤ {@code itlTargetMillis}. */
  public OperatingPoint best(double itlTargetMillis, double contextTokens) {
    int j = row(contextTokens);
    for (int i = resolution - 1; i >= 0; i--) {
      if (itl[j][i] <= itlTargetMillis) {
        return new OperatingPoint(throughput[j][i], itl[j][i], i / (double) (resolution - 1));
      }
    }
    return new OperatingPoint(throughput[j][0], itl[j][0], 0);
  }

  /** The grid's ITL at {@code concurrency} sequences of {@code contextTokens}, ms. */
  public double itlMillis(double concurrency, double contextTokens) {
    double kv = concurrency * contextTokens / kvCapacity;
    int i = (int) clampIndex((long) Math.rint(kv * (resolution - 1)));
    return itl[row(contextTokens)][i];
  }

  private int row(double contextTokens) {
    double step = maxContext / (resolution - 1);
    return (int) clampIndex((long) Math.rint(contextTokens / step));
  }

  private long clampIndex(long i) {
    return Math.max(0, Math.min(resolution - 1, i));
  }
}
