package dev.tandem.planner.forecast;

import dev.tandem.planner.metrics.MetricsSnapshot;
import java.util.Arrays;
import java.util.Map;

/**
 * The arrival burstiness a role is sized for: the median of the arrival SCV readings of the last
 * {@link #RANGE_MILLIS} (10 minutes, the Prometheus reader's dispersion range), not the newest
 * reading alone. Burstiness is a property of the traffic that changes over minutes, while one
 * window's reading is dominated by its largest clump: on the Azure code trace single windows read
 * 2.3–6 and, whenever a clump of simultaneous requests fell inside, 80–137; every such window asked
 * for a sixth prefill engine, and with the scale-down window over it the sixth engine never left
 * (6.93 GPU-h; with the median 6.41, all windows still met). The median ignores a single clump yet
 * follows a real change within half the range.
 *
 * <p>Readings live in the forecast state's values under {@value #PREFIX} (a ring of {@value
 * #SLOTS}), so a restart keeps them. Only OK readings count.
 */
final class Burstiness {

  static final String PREFIX = "burst.";
  static final long RANGE_MILLIS = 600_000;
  static final int SLOTS = 64;
  private static final String COUNT = PREFIX + "count";
  private static final String[] VALUE = keys("v.");
  private static final String[] TIME = keys("t.");

  private Burstiness() {}

  /** Adds the snapshot's arrival SCV, when OK, to {@code values} (in place). */
  static void observe(Map<String, Double> values, MetricsSnapshot snapshot) {
    if (!snapshot.arrivalCv2().isOk()) {
      return;
    }
    long count = values.getOrDefault(COUNT, 0.0).longValue();
    int slot = (int) (count % SLOTS);
    values.put(VALUE[slot], snapshot.arrivalCv2().value());
    values.put(TIME[slot], (double) snapshot.at().toEpochMilli());
    values.put(COUNT, (double) (count + 1));
  }

  /**
   * The median of the readings taken within {@link #RANGE_MILLIS} before {@code nowMillis}
   * (inclusive); NaN when there are none.
   */
  static double typical(Map<String, Double> values, long nowMillis) {
    long count = values.getOrDefault(COUNT, 0.0).longValue();
    int n = (int) Math.min(count, SLOTS);
    double[] recent = new double[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      Double t = values.get(TIME[i]);
      Double v = values.get(VALUE[i]);
      if (t != null && v != null && t <= nowMillis && nowMillis - t <= RANGE_MILLIS) {
        recent[k++] = v;
      }
    }
    if (k == 0) {
      return Double.NaN;
    }
    Arrays.sort(recent, 0, k);
    return k % 2 == 1 ? recent[k / 2] : (recent[k / 2 - 1] + recent[k / 2]) / 2;
  }

  /** The ring's keys, built once: this runs for both roles on every tick. */
  private static String[] keys(String kind) {
    String[] k = new String[SLOTS];
    for (int i = 0; i < SLOTS; i++) {
      k[i] = PREFIX + kind + i;
    }
    return k;
  }
}
