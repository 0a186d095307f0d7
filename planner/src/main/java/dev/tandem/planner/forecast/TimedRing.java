package dev.tandem.planner.forecast;

import java.util.Map;

/**
 * A ring of timed readings kept in a forecast state's values (so a restart keeps them): {@code
 * <prefix>count}, {@code <prefix>v.<i>} and {@code <prefix>t.<i>} (epoch ms). The newest {@code
 * slots} readings are kept; older ones are overwritten. Its keys are built once: the rings run for
 * both roles on every tick.
 */
final class TimedRing {

  private final String count;
  private final String[] value;
  private final String[] time;

  TimedRing(String prefix, int slots) {
    this.count = prefix + "count";
    this.value = keys(prefix + "v.", slots);
    this.time = keys(prefix + "t.", slots);
  }

  /** Adds {@code v}, read at {@code atMillis}, to {@code values} (in place). */
  void add(Map<String, Double> values, long atMillis, double v) {
    long n = values.getOrDefault(count, 0.0).longValue();
    int slot = (int) (n % value.length);
    values.put(value[slot], v);
    values.put(time[slot], (double) atMillis);
    values.put(count, (double) (n + 1));
  }

  /**
   * Copies the readings taken in [{@code sinceMillis}, {@code nowMillis}] into {@code times} and
   * {@code readings} (each at least as long as the ring) and returns how many there are.
   */
  int within(
      Map<String, Double> values,
      long sinceMillis,
      long nowMillis,
      double[] times,
      double[] readings) {
    int n = (int) Math.min(values.getOrDefault(count, 0.0).longValue(), value.length);
    int k = 0;
    for (int i = 0; i < n; i++) {
      Double t = values.get(time[i]);
      Double v = values.get(value[i]);
      if (t != null && v != null && t <= nowMillis && t >= sinceMillis) {
        times[k] = t;
        readings[k++] = v;
      }
    }
    return k;
  }

  private static String[] keys(String prefix, int slots) {
    String[] k = new String[slots];
    for (int i = 0; i < slots; i++) {
      k[i] = prefix + i;
    }
    return k;
  }
}
