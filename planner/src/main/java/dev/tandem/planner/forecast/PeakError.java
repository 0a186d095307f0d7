package dev.tandem.planner.forecast;

import java.util.Map;

/**
 * How far the forecast peak has lately been from the peak that came: the confidence the scale-down
 * rule trusts ({@code ScaleDownWindow}). At every visit the forecaster's point peak over the next h
 * ticks is issued; h visits later the largest rate observed in between resolves it, and
 *
 * <pre>
 *   e = (observed peak − issued peak) / max(issued peak, 1 req/s)
 *   ρ² ← ρ² + (e² − ρ²) / 16
 * </pre>
 *
 * (the plain mean until 16 have resolved), an exponentially weighted mean over about the last 16
 * resolved peaks (8 minutes at 30 s ticks): recent enough that a forecaster which has learned a
 * swing is trusted within one or two of its periods, long enough that one lucky stretch does not. ρ
 * is unknown (NaN) until {@value #MIN_RESOLVED} peaks have resolved.
 *
 * <p>Everything lives in the forecast state's values under {@value #PREFIX}, so a restart continues
 * from the same confidence. The issued peaks sit in a ring of h slots.
 */
final class PeakError {

  static final String PREFIX = "peakError.";

  /** Resolved peaks before ρ is reported. */
  static final int MIN_RESOLVED = 8;

  private static final double DECAY = 1.0 / 16;
  private static final double FLOOR = 1.0;
  private static final String COUNT = PREFIX + "count";
  private static final String ERR2 = PREFIX + "err2";

  private PeakError() {}

  /**
   * One visit: {@code observed} req/s arrived (NaN: not observed, nothing resolves or is issued)
   * and the forecaster now expects a peak of {@code issued} req/s over the next {@code h} visits.
   */
  static void observe(Map<String, Double> values, double observed, double issued, int h) {
    if (!Double.isFinite(observed) || !Double.isFinite(issued) || h < 1) {
      return;
    }
    long count = values.getOrDefault(COUNT, 0.0).longValue();
    long live = Math.min(count, h);
    for (long i = 0; i < live; i++) {
      String max = PREFIX + "max." + i;
      values.put(max, Math.max(values.getOrDefault(max, observed), observed));
    }
    int slot = (int) (count % h);
    if (count >= h) {
      double was = values.get(PREFIX + "issued." + slot);
      double e = (values.get(PREFIX + "max." + slot) - was) / Math.max(was, FLOOR);
      long resolved = count - h + 1;
      double err2 = values.getOrDefault(ERR2, 0.0);
      values.put(ERR2, err2 + Math.max(DECAY, 1.0 / resolved) * (e * e - err2));
    }
    values.put(PREFIX + "issued." + slot, issued);
    values.remove(PREFIX + "max." + slot);
    values.put(COUNT, (double) (count + 1));
  }

  /** ρ, the recent relative RMS error of the peak; NaN until enough peaks resolved. */
  static double relativeRms(Map<String, Double> values, int h) {
    long resolved = values.getOrDefault(COUNT, 0.0).longValue() - h;
    return resolved < MIN_RESOLVED ? Double.NaN : Math.sqrt(values.getOrDefault(ERR2, 0.0));
  }
}
