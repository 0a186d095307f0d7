package dev.tandem.k8s.targets;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads fields of untyped objects (custom resources arrive as nested maps). */
public final class Json {

  private Json() {}

  /** The value at {@code path} under the object's top level ({@code spec}, {@code status}, …). */
  public static Optional<Object> at(GenericKubernetesResource object, String... path) {
    Object current = object.getAdditionalProperties();
    for (String key : path) {
      if (!(current instanceof Map<?, ?> map)) {
        return Optional.empty();
      }
      current = map.get(key);
    }
    return Optional.ofNullable(current);
  }

  /** An integer field, or empty when absent or not a number. */
  public static Optional<Integer> integer(GenericKubernetesResource object, String... path) {
    return at(object, path).filter(Number.class::isInstance).map(n -> ((Number) n).intValue());
  }

  public static Optional<String> string(GenericKubernetesResource object, String... path) {
    return at(object, path).filter(String.class::isInstance).map(String.class::cast);
  }

  /** The {@code status.conditions} entry of {@code type} whose status is "True". */
  public static boolean conditionTrue(GenericKubernetesResource object, String type) {
    return at(object, "status", "conditions")
        .filter(List.class::isInstance)
        .map(l -> (List<?>) l)
        .orElse(List.of())
        .stream()
        .filter(Map.class::isInstance)
        .map(c -> (Map<?, ?>) c)
        .anyMatch(c -> type.equals(c.get("type")) && "True".equals(c.get("status")));
  }
}
