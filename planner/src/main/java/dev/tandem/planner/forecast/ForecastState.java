package dev.tandem.planner.forecast;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A forecaster's running state for one deployment, kept in the {@code ScalingHistory} so a restart
 * or a replay continues where it stopped. Deliberately plain — a model name and named numbers — so
 * any forecaster (the built-in fallback, or the forecasting module's selector behind the same port)
 * can keep its level, trend or error statistics here, and the history codec can write it as text.
 *
 * @param model the forecaster that wrote it; another forecaster starts afresh
 * @param values named numbers, e.g. {@code level}, {@code atEpochMillis}
 */
public record ForecastState(String model, SortedMap<String, Double> values) {

  public ForecastState {
    Objects.requireNonNull(model, "model");
    if (model.isBlank() || model.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("model must be one word, got '" + model + "'");
    }
    values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    values.forEach(
        (k, v) -> {
          if (k.isBlank() || k.chars().anyMatch(c -> Character.isWhitespace(c) || c == '=')) {
            throw new IllegalArgumentException("value names must be one word, got '" + k + "'");
          }
        });
  }

  /** No state yet. */
  public static ForecastState empty() {
    return new ForecastState("none", new TreeMap<>());
  }

  public static ForecastState of(String model, Map<String, Double> values) {
    return new ForecastState(model, new TreeMap<>(values));
  }

  /** The named value when this state was written by {@code forecaster}. */
  public java.util.OptionalDouble value(String forecaster, String name) {
    Double v = model.equals(forecaster) ? values.get(name) : null;
    return v == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(v);
  }
}
