package dev.tandem.config.policy;

import dev.tandem.config.yaml.YamlMap;
import java.util.Optional;
import java.util.function.Function;

/** Small reading steps the policy readers share. */
final class Fields {

  private Fields() {}

  /**
   * The value, after {@code rule} accepted it; a broken rule is recorded at the key and gives
   * empty.
   */
  static <T> Optional<T> checked(
      YamlMap map, String key, Optional<T> value, Function<T, Optional<String>> rule) {
    if (value.isEmpty()) {
      return value;
    }
    Optional<String> problem = rule.apply(value.get());
    problem.ifPresent(p -> map.error(key, p));
    return problem.isPresent() ? Optional.empty() : value;
  }

  /**
   * The value when the key is present (empty if it is wrong), or {@code defaultValue} when the key
   * is absent.
   */
  static <T> Optional<T> orDefault(
      YamlMap map, String key, Function<String, Optional<T>> reader, T defaultValue) {
    return map.has(key) ? reader.apply(key) : Optional.of(defaultValue);
  }

  /** One of an enum's keywords, or {@code defaultValue} when the key is absent. */
  static <E extends Enum<E> & Keyword> Optional<E> keyword(
      YamlMap map, String key, Class<E> type, E defaultValue) {
    return orDefault(
        map,
        key,
        k -> map.oneOf(k, Keyword.names(type)).flatMap(name -> Keyword.parse(type, name)),
        defaultValue);
  }

  /** The sub-mapping when the key is present and required; records "is required" otherwise. */
  /** Requires {@code apiVersion} and reports any value but {@link SlaPolicy#API_VERSION}. */
  static void apiVersion(YamlMap root) {
    if (root.require("apiVersion")) {
      root.string("apiVersion")
          .filter(v -> !v.equals(SlaPolicy.API_VERSION))
          .ifPresent(
              v ->
                  root.error(
                      "apiVersion",
                      "'"
                          + v
                          + "' is not supported; the supported version is "
                          + SlaPolicy.API_VERSION));
    }
  }

  static Optional<YamlMap> requiredMap(YamlMap map, String key) {
    return map.require(key) ? map.map(key) : Optional.empty();
  }
}
