package dev.tandem.profiles.dynamo;

import dev.tandem.config.yaml.Problems;
import dev.tandem.config.yaml.YamlDocument;
import dev.tandem.config.yaml.YamlDocuments;
import dev.tandem.config.yaml.YamlMap;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the flat JSON files Dynamo mounts from a ConfigMap ({@code prefill_raw_data.json}, {@code
 * decode_raw_data.json}): an object of number arrays, plus scalars such as {@code max_kv_tokens}.
 * JSON of this shape is valid YAML, so SnakeYAML reads it with positions; each array becomes a
 * one-dimensional {@link NpyArray} and each scalar a one-element one.
 */
final class JsonRawData {

  private JsonRawData() {}

  static Map<String, NpyArray> read(Path file, Problems problems) {
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    List<YamlDocument> documents = YamlDocuments.read(file);
    if (documents.size() != 1) {
      problems.add(
          dev.tandem.config.yaml.SourceLocation.ofSource(file.toString()),
          "",
          "must hold one JSON object, found " + documents.size() + " documents");
      return arrays;
    }
    YamlDocument document = documents.get(0);
    YamlMap map = document.rootMap(problems);
    if (!(document.root() instanceof MappingNode mapping)) {
      return arrays;
    }
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
        continue;
      }
      String key = keyNode.getValue();
      double[] values;
      if (tuple.getValueNode() instanceof SequenceNode) {
        values = map.numbers(key).stream().mapToDouble(Double::doubleValue).toArray();
      } else {
        values = map.number(key).stream().mapToDouble(Double::doubleValue).toArray();
      }
      arrays.put(key, new NpyArray(key, "json", new int[] {values.length}, values, null));
    }
    return arrays;
  }
}
