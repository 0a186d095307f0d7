package dev.tandem.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates an object against a CRD's OpenAPI v3 schema, for the subset the real CRDs use on the
 * fields Tandem writes and the fixtures create: {@code type}, {@code required}, {@code properties},
 * {@code additionalProperties} (schema or false), {@code x-kubernetes-preserve-unknown-fields},
 * {@code x-kubernetes-int-or-string}, {@code minimum}/{@code maximum}, {@code minLength}, {@code
 * enum} and {@code nullable}. Unknown fields are errors (the API server's strict field validation),
 * so a misspelt field in a patch fails. {@code metadata} is the API server's, not the CRD's, and is
 * not checked.
 */
final class SchemaValidator {

  private SchemaValidator() {}

  /** Every violation, each as {@code path: problem}; empty when valid. */
  static List<String> validate(Map<?, ?> schema, Object value) {
    List<String> problems = new ArrayList<>();
    check(schema, value, "", problems, true);
    return problems;
  }

  /**
   * A JSON merge patch: every field it sets must exist with the right type and range, but it need
   * not carry the required fields (the stored object has them).
   */
  static List<String> validatePatch(Map<?, ?> schema, Object patch) {
    List<String> problems = new ArrayList<>();
    check(schema, patch, "", problems, false);
    return problems;
  }

  private static void check(
      Map<?, ?> schema, Object value, String path, List<String> out, boolean required) {
    if (value == null) {
      if (!Boolean.TRUE.equals(schema.get("nullable"))) {
        out.add(path + ": null is not allowed");
      }
      return;
    }
    if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))) {
      if (!(value instanceof String) && !isInteger(value)) {
        out.add(path + ": expected an integer or a string, got " + typeOf(value));
      }
      return;
    }
    Object type = schema.get("type");
    if (type != null && !matches((String) type, value)) {
      out.add(path + ": expected " + type + ", got " + typeOf(value));
      return;
    }
    if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(value)) {
      out.add(path + ": " + value + " is not one of " + allowed);
    }
    if (value instanceof Number n) {
      if (schema.get("minimum") instanceof Number min && n.doubleValue() < min.doubleValue()) {
        out.add(path + ": " + n + " is below the minimum " + min);
      }
      if (schema.get("maximum") instanceof Number max && n.doubleValue() > max.doubleValue()) {
        out.add(path + ": " + n + " is above the maximum " + max);
      }
    }
    if (value instanceof String s
        && schema.get("minLength") instanceof Number min
        && s.length() < min.intValue()) {
      out.add(path + ": '" + s + "' is shorter than " + min);
    }
    if (value instanceof Map<?, ?> map) {
      object(schema, map, path, out, required);
    }
    if (value instanceof List<?> list && schema.get("items") instanceof Map<?, ?> items) {
      for (int i = 0; i < list.size(); i++) {
        check(items, list.get(i), path + "[" + i + "]", out, required);
      }
    }
  }

  private static void object(
      Map<?, ?> schema, Map<?, ?> map, String path, List<String> out, boolean required) {
    if (required && schema.get("required") instanceof List<?> fields) {
      for (Object field : fields) {
        if (!map.containsKey(field)) {
          out.add(path + "." + field + ": required");
        }
      }
    }
    Map<?, ?> properties = schema.get("properties") instanceof Map<?, ?> p ? p : Map.of();
    Object additional = schema.get("additionalProperties");
    boolean preserve = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"));
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String field = path + "." + e.getKey();
      if (path.isEmpty()
          && ("metadata".equals(e.getKey())
              || "apiVersion".equals(e.getKey())
              || "kind".equals(e.getKey()))) {
        continue;
      }
      if (properties.get(e.getKey()) instanceof Map<?, ?> sub) {
        check(sub, e.getValue(), field, out, required);
      } else if (additional instanceof Map<?, ?> sub) {
        check(sub, e.getValue(), field, out, required);
      } else if (!preserve && !Boolean.TRUE.equals(additional)) {
        out.add(field + ": unknown field");
      }
    }
  }

  private static boolean matches(String type, Object value) {
    return switch (type) {
      case "object" -> value instanceof Map;
      case "array" -> value instanceof List;
      case "string" -> value instanceof String;
      case "integer" -> isInteger(value);
      case "number" -> value instanceof Number;
      case "boolean" -> value instanceof Boolean;
      default -> true;
    };
  }

  private static boolean isInteger(Object value) {
    return value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || (value instanceof Number n
            && n.doubleValue() == Math.rint(n.doubleValue())
            && !(value instanceof Float)
            && !(value instanceof Double));
  }

  private static String typeOf(Object value) {
    return value instanceof Map
        ? "object"
        : value instanceof List
            ? "array"
            : value instanceof String
                ? "string"
                : value instanceof Boolean
                    ? "boolean"
                    : isInteger(value)
                        ? "integer"
                        : value instanceof Number ? "number" : value.getClass().getSimpleName();
  }
}
