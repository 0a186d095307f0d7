package dev.tandem.config.yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a YAML stream (one or more documents separated by {@code ---}) into composed nodes, so
 * loaders can report every problem at its line and column. Syntax errors become an {@link
 * InvalidInputException} with the position SnakeYAML found.
 */
public final class YamlDocuments {

  private YamlDocuments() {}

  public static List<YamlDocument> read(Path file) {
    String source = file.toString();
    try {
      return read(source, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new InvalidInputException(
          List.of(
              new Problem(
                  SourceLocation.ofSource(source), "", "cannot be read: " + e.getMessage())));
    }
  }

  public static List<YamlDocument> read(String source, String content) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // duplicates are reported by YamlMap, with both lines
    Yaml yaml = new Yaml(new SafeConstructor(options));
    List<YamlDocument> documents = new ArrayList<>();
    try (Reader reader = new StringReader(content)) {
      int index = 0;
      for (Node node : yaml.composeAll(reader)) {
        if (node != null) {
          documents.add(new YamlDocument(source, index, node));
        }
        index++;
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      SourceLocation where =
          mark == null
              ? SourceLocation.ofSource(source)
              : new SourceLocation(source, mark.getLine() + 1, mark.getColumn() + 1);
      String what = e.getProblem() != null ? e.getProblem() : e.getMessage();
      Mark context = e.getContextMark();
      if (e.getContext() != null && context != null && context != mark) {
        // e.g. "while parsing a flow mapping", where the unclosed construct began
        what +=
            " ("
                + e.getContext()
                + " that starts at "
                + (context.getLine() + 1)
                + ":"
                + (context.getColumn() + 1)
                + ")";
      }
      throw new InvalidInputException(List.of(new Problem(where, "", "YAML syntax: " + what)));
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(
          List.of(
              new Problem(SourceLocation.ofSource(source), "", "YAML syntax: " + e.getMessage())));
    }
    return documents;
  }
}
