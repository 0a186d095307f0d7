package dev.tandem.config.yaml;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A typed, position-aware view of one YAML mapping. Every accessor checks the type of the value
 * and, when it is wrong, records a {@link Problem} at the key's line and column and returns empty,
 * so a loader goes on and reports every problem of a file in one pass. {@link #allowOnly} turns
 * unknown keys into problems with a "did you mean" suggestion.
 */
public final class YamlMap {

  private final String source;
  private final String path;
  private final Problems problems;
  private final SourceLocation location;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  private YamlMap(String source, String path, Problems problems, SourceLocation location) {
    this.source = source;
    this.path = path;
    this.problems = problems;
    this.location = location;
  }

  /**
   * A reader over {@code node}; when it is not a mapping a problem is recorded and the reader is
   * empty.
   */
  public static YamlMap of(Node node, String source, String path, Problems problems) {
    YamlMap map = new YamlMap(source, path, problems, at(source, node));
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
          problems.add(at(source, tuple.getKeyNode()), path, "keys must be plain names");
          continue;
        }
        NodeTuple earlier = map.entries.putIfAbsent(key.getValue(), tuple);
        if (earlier != null) {
          problems.add(
              at(source, key),
              map.path(key.getValue()),
              "is given twice (first at line " + at(source, earlier.getKeyNode()).line() + ")");
        }
      }
    } else if (!isNull(node)) {
      problems.add(at(source, node), path, "must be a mapping of fields, not " + describe(node));
    }
    return map;
  }

  public String source() {
    return source;
  }

  /** The dotted path of this mapping ({@code ""} for a document root). */
  public String path() {
    return path;
  }

  public Problems problems() {
    return problems;
  }

  /** Where the mapping itself starts. */
  public SourceLocation location() {
    return location;
  }

  /** Where {@code key} is written, or where the mapping starts if the key is absent. */
  public SourceLocation locationOf(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? location : at(source, tuple.getKeyNode());
  }

  /** The dotted path of a field of this mapping. */
  public String path(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  public boolean has(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple != null && !isNull(tuple.getValueNode());
  }

  public Set<String> keys() {
    return entries.keySet();
  }

  /** Records a problem about {@code key} at the key's position. */
  public void error(String key, String message) {
    problems.add(locationOf(key), path(key), message);
  }

  /** Records a problem about this mapping as a whole. */
  public void error(String message) {
    problems.add(location, path, message);
  }

  /**
   * Records a problem for every key not in {@code known}, with the closest known key as a
   * suggestion.
   */
  public void allowOnly(Collection<String> known) {
    for (String key : entries.keySet()) {
      if (!known.contains(key)) {
        String hint =
            DidYouMean.closest(key, known)
                .map(k -> "; did you mean '" + k + "'?")
                .orElse("; allowed fields: " + String.join(", ", new TreeSet<>(known)));
        error(key, "unknown field" + hint);
      }
    }
  }

  public void allowOnly(String... known) {
    allowOnly(List.of(known));
  }

  /** The key is required: records "is required" when it is absent or null. */
  public boolean require(String key) {
    if (!has(key)) {
      problems.add(location, path(key), "is required");
      return false;
    }
    return true;
  }

  public Optional<String> string(String key) {
    return scalar(key, "a string", s -> s.getValue());
  }

  public Optional<Integer> integer(String key) {
    return scalar(key, "a whole number", s -> whole(s, Integer::valueOf));
  }

  public Optional<Long> longValue(String key) {
    return scalar(key, "a whole number", s -> whole(s, Long::valueOf));
  }

  /** An integer scalar parsed by {@code parse} (underscores allowed), or null if it is not one. */
  private static <T> T whole(ScalarNode s, Function<String, T> parse) {
    if (!Tag.INT.equals(s.getTag())) {
      return null;
    }
    try {
      return parse.apply(s.getValue().replace("_", ""));
    } catch (NumberFormatException e) {
      return null; // out of range: reported by the caller as "must be a whole number"
    }
  }

  public Optional<Double> number(String key) {
    return scalar(key, "a number", YamlMap::toDouble);
  }

  public Optional<Boolean> bool(String key) {
    return scalar(
        key,
        "true or false",
        s -> Tag.BOOL.equals(s.getTag()) ? Boolean.valueOf(s.getValue().toLowerCase()) : null);
  }

  /** A duration such as {@code 200ms}, {@code 30s}, {@code 3m}, {@code 1h30m} or {@code PT3M}. */
  public Optional<Duration> duration(String key) {
    return scalar(
        key,
        "a duration such as 200ms, 30s, 3m or 1h30m",
        s -> Durations.parse(s.getValue()).orElse(null));
  }

  /** One of the given words; the problem lists them all. */
  public Optional<String> oneOf(String key, Collection<String> allowed) {
    Optional<String> value = string(key);
    if (value.isPresent() && !allowed.contains(value.get())) {
      String hint =
          DidYouMean.closest(value.get(), allowed)
              .map(k -> " (did you mean '" + k + "'?)")
              .orElse("");
      error(
          key,
          "'"
              + value.get()
              + "' is not allowed"
              + hint
              + "; allowed: "
              + String.join(", ", allowed));
      return Optional.empty();
    }
    return value;
  }

  public Optional<YamlMap> map(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    Node node = entries.get(key).getValueNode();
    if (!(node instanceof MappingNode)) {
      error(key, "must be a mapping of fields, not " + describe(node));
      return Optional.empty();
    }
    return Optional.of(of(node, source, path(key), problems));
  }

  /** The entries of a mapping whose keys are free names (for example a map of PromQL overrides). */
  public Map<String, String> stringMap(String key) {
    Map<String, String> result = new LinkedHashMap<>();
    map(key)
        .ifPresent(
            inner -> {
              for (String k : inner.keys()) {
                inner.string(k).ifPresent(v -> result.put(k, v));
              }
            });
    return result;
  }

  /** A sequence of mappings, each read with its own index in the path ({@code roles[2].name}). */
  public List<YamlMap> listOfMaps(String key) {
    List<YamlMap> result = new ArrayList<>();
    Optional<SequenceNode> sequence = sequence(key);
    if (sequence.isEmpty()) {
      return result;
    }
    List<Node> items = sequence.get().getValue();
    for (int i = 0; i < items.size(); i++) {
      result.add(of(items.get(i), source, path(key) + "[" + i + "]", problems));
    }
    return result;
  }

  /** A sequence of numbers; items that are not numbers are reported and left out. */
  public List<Double> numbers(String key) {
    return items(key, "a number", item -> item instanceof ScalarNode s ? toDouble(s) : null);
  }

  /** A sequence of strings; items that are not strings are reported and left out. */
  public List<String> strings(String key) {
    return items(
        key,
        "a string",
        item -> item instanceof ScalarNode s && !Tag.NULL.equals(s.getTag()) ? s.getValue() : null);
  }

  /** The items of a sequence converted by {@code convert} (null = wrong type, reported). */
  private <T> List<T> items(String key, String expected, Function<Node, T> convert) {
    List<T> result = new ArrayList<>();
    Optional<SequenceNode> sequence = sequence(key);
    if (sequence.isEmpty()) {
      return result;
    }
    List<Node> items = sequence.get().getValue();
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      T value = convert.apply(item);
      if (value == null) {
        problems.add(
            at(source, item),
            path(key) + "[" + i + "]",
            "must be " + expected + ", not " + describe(item));
      } else {
        result.add(value);
      }
    }
    return result;
  }

  private Optional<SequenceNode> sequence(String key) {
    if (!has(key)) {
      return Optional.empty();
    }
    Node node = entries.get(key).getValueNode();
    if (node instanceof SequenceNode s) {
      return Optional.of(s);
    }
    error(key, "must be a list, not " + describe(node));
    return Optional.empty();
  }

  private <T> Optional<T> scalar(String key, String expected, Function<ScalarNode, T> convert) {
    if (!has(key)) {
      return Optional.empty();
    }
    Node node = entries.get(key).getValueNode();
    T value = node instanceof ScalarNode s ? convert.apply(s) : null;
    if (value == null) {
      error(key, "must be " + expected + ", not " + describe(node));
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private static Double toDouble(ScalarNode s) {
    if (!Tag.INT.equals(s.getTag()) && !Tag.FLOAT.equals(s.getTag())) {
      return null;
    }
    try {
      double d = Double.parseDouble(s.getValue().replace("_", ""));
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isNull(Node node) {
    return node == null || (node instanceof ScalarNode s && Tag.NULL.equals(s.getTag()));
  }

  private static SourceLocation at(String source, Node node) {
    return node == null || node.getStartMark() == null
        ? SourceLocation.ofSource(source)
        : new SourceLocation(
            source, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
  }

  /** How a node reads in a message: {@code '9x'} for a scalar, "a list", "a mapping". */
  static String describe(Node node) {
    if (node instanceof ScalarNode s) {
      return Tag.NULL.equals(s.getTag()) ? "empty" : "'" + s.getValue() + "'";
    }
    return node instanceof SequenceNode ? "a list" : "a mapping";
  }
}
