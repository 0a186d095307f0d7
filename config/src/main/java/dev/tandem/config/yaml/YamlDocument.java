package dev.tandem.config.yaml;

import org.yaml.snakeyaml.nodes.Node;

/**
 * One document of a YAML stream, composed into nodes that still know their line and column.
 *
 * @param source the file name (or other source name) used in every problem
 * @param index 0-based position of the document in its stream
 * @param root the document's root node
 */
public record YamlDocument(String source, int index, Node root) {

  /** A reader over the root mapping; problems go to {@code problems}. */
  public YamlMap rootMap(Problems problems) {
    return YamlMap.of(root, source, "", problems);
  }
}
