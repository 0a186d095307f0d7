package dev.tandem.planner.forecast;

import dev.tandem.forecasting.ForecasterState;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A forecaster's running state for one deployment, kept in the {@code ScalingHistory} so a restart
 * or a replay continues where it stopped. Deliberately plain — a model name and named numbers — so
 * any forecaster (the built-in fallback, or the forecasting module's selector behind the same port)
 * can keep its level, trend or error statistics here, and the history codec can write it as text. A
 * model with a large state (the forecasting module's selector) also keeps a {@code checkpoint}: its
 * complete {@link ForecasterState} as of some earlier tick; the named numbers then hold the
 * observations since that checkpoint, so restoring the checkpoint and replaying them continues
 * bit-for-bit (see {@link SelectorLoadForecaster}).
 *
 * @param model the forecaster that wrote it; another forecaster starts afresh
 * @param values named numbers, e.g. {@code level}, {@code atEpochMillis} (NaN allowed: a missing
 *     tick)
 * @param checkpoint a forecasting-module forecaster's full state, if the model keeps one
 */
public record ForecastState(
    String model, SortedMap<String, Double> values, Optional<ForecasterState> checkpoint) {

  public ForecastState {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(checkpoint, "checkpoint");
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

  /** Named numbers only, no checkpoint. */
  public ForecastState(String model, SortedMap<String, Double> values) {
    this(model, values, Optional.empty());
  }

  /** No state yet. */
  public static ForecastState empty() {
    return new ForecastState("none", new TreeMap<>());
  }

  /** True for {@link #empty()}: no forecaster has written anything yet. */
  public boolean isEmpty() {
    return model.equals("none") && values.isEmpty() && checkpoint.isEmpty();
  }

  public static ForecastState of(String model, Map<String, Double> values) {
    return new ForecastState(model, new TreeMap<>(values));
  }

  /** Named numbers and a forecaster checkpoint. */
  public static ForecastState of(
      String model, Map<String, Double> values, Optional<ForecasterState> checkpoint) {
    return new ForecastState(model, new TreeMap<>(values), checkpoint);
  }

  /** The named value when this state was written by {@code forecaster}. */
  public java.util.OptionalDouble value(String forecaster, String name) {
    Double v = model.equals(forecaster) ? values.get(name) : null;
    return v == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(v);
  }
}
