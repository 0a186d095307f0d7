package dev.tandem.forecasting;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A forecaster's complete state as a plain value (numbers only), for checkpoints: the settings, the
 * model kind, and named arrays (the bounded raw history, each model's parameters and filter state,
 * the calibration buffers). {@link Forecasters#restore} rebuilds an equivalent forecaster. It is
 * {@link Serializable} and maps directly to JSON (strings, numbers, arrays).
 */
public record ForecasterState(
    int version, String kind, ForecastSettings settings, Map<String, double[]> arrays)
    implements Serializable {

  /** Format version written by this code (2: the selector gained {@code recent-season}). */
  public static final int CURRENT_VERSION = 2;

  public ForecasterState {
    Map<String, double[]> copy = new LinkedHashMap<>();
    arrays.forEach((k, v) -> copy.put(k, v.clone()));
    arrays = java.util.Collections.unmodifiableMap(copy);
  }

  /** The array stored under {@code key}, or an empty array. */
  public double[] get(String key) {
    double[] v = arrays.get(key);
    return v == null ? new double[0] : v.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ForecasterState s)
        || version != s.version
        || !kind.equals(s.kind)
        || !settings.equals(s.settings)
        || !arrays.keySet().equals(s.arrays.keySet())) {
      return false;
    }
    for (Map.Entry<String, double[]> e : arrays.entrySet()) {
      if (!Arrays.equals(e.getValue(), s.arrays.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + arrays.keySet().hashCode();
  }
}
