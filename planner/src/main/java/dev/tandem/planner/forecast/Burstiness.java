package dev.tandem.planner.forecast;

import dev.tandem.planner.metrics.MetricsSnapshot;
import java.util.Arrays;
import java.util.Map;

/**
 * The arrival burstiness a role is sized for: the median of the arrival SCV readings of the last
 * {@link #RANGE_MILLIS} (10 minutes, the Prometheus reader's dispersion range), not the newest
 * reading alone. Burstiness is a property of the traffic that changes over minutes, while one
 * reading can be dominated by its largest clump. With a window's inter-arrival SCV as the reading
 * (what the simulator gave before it computed the reader's Allan factor) single windows of the
 * Azure code trace read 2.3–6 and, whenever a clump of simultaneous requests fell inside, 80–137;
 * every such window asked for a sixth prefill engine (6.93 GPU-h; with the median 6.41). The
 * reader's own estimate already spans 10 minutes; the median still ignores a single outlier and
 * follows a real change within half the range.
 *
 * <p>Readings live in the forecast state's values under {@value #PREFIX} (a ring of {@value
 * #SLOTS}), so a restart keeps them. Only OK readings count.
 */
final class Burstiness {

  static final String PREFIX = "burst.";
  static final long RANGE_MILLIS = 600_000;
  static final int SLOTS = 64;
  private static final TimedRing RING = new TimedRing(PREFIX, SLOTS);

  private Burstiness() {}

  /** Adds the snapshot's arrival SCV, when OK, to {@code values} (in place). */
  static void observe(Map<String, Double> values, MetricsSnapshot snapshot) {
    if (snapshot.arrivalCv2().isOk()) {
      RING.add(values, snapshot.at().toEpochMilli(), snapshot.arrivalCv2().value());
    }
  }

  /**
   * The median of the readings taken within {@link #RANGE_MILLIS} before {@code nowMillis}
   * (inclusive); NaN when there are none.
   */
  static double typical(Map<String, Double> values, long nowMillis) {
    double[] recent = new double[SLOTS];
    int k = RING.within(values, nowMillis - RANGE_MILLIS, nowMillis, new double[SLOTS], recent);
    if (k == 0) {
      return Double.NaN;
    }
    Arrays.sort(recent, 0, k);
    return k % 2 == 1 ? recent[k / 2] : (recent[k / 2 - 1] + recent[k / 2]) / 2;
  }
}
