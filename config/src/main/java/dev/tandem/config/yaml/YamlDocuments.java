package dev.tandem.config.yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 *
 * <p>Input is bounded ({@link InputLimits}) before the scanner sees it: the file size is checked
 * before reading, the text must be UTF-8 without NUL characters (a binary file is named as such),
 * and over-long scalars and too many documents are refused with their position.
 */
public final class YamlDocuments {

  private YamlDocuments() {}

  /** Every document of {@code file}; a file without any document is a problem. */
  public static List<YamlDocument> read(Path file) {
    return read(file, InputLimits.DEFAULT);
  }

  public static List<YamlDocument> read(Path file, InputLimits limits) {
    String source = file.toString();
    SourceLocation whole = SourceLocation.ofSource(source);
    String content;
    try {
      if (Files.isDirectory(file)) {
        throw problem(whole, "is a directory, not a YAML file");
      }
      long size = Files.size(file);
      if (size > limits.maxBytes()) {
        throw problem(
            whole,
            String.format(
                Locale.ROOT,
                "is %,d bytes; policy and profile files are limited to %,d bytes",
                size,
                limits.maxBytes()));
      }
      content = utf8(Files.readAllBytes(file), whole);
    } catch (IOException e) {
      throw problem(whole, "cannot be read: " + describe(e));
    }
    List<YamlDocument> documents = read(source, content, limits);
    if (documents.isEmpty()) {
      throw problem(whole, "holds no YAML document (the file is empty or only comments)");
    }
    return documents;
  }

  public static List<YamlDocument> read(String source, String content) {
    return read(source, content, InputLimits.DEFAULT);
  }

  public static List<YamlDocument> read(String source, String content, InputLimits limits) {
    if (content.length() > limits.maxBytes()) {
      throw problem(
          SourceLocation.ofSource(source),
          String.format(
              Locale.ROOT,
              "is %,d characters; YAML input is limited to %,d",
              content.length(),
              limits.maxBytes()));
    }
    Optional<SourceLocation> longToken = limits.longToken(source, content);
    if (longToken.isPresent()) {
      throw problem(
          longToken.get(),
          String.format(
              Locale.ROOT,
              "a value longer than %,d characters; no policy or profile field is that long",
              limits.maxTokenLength()));
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // duplicates are reported by YamlMap, with both lines
    options.setMaxAliasesForCollections(50); // no billion-laughs expansion
    Yaml yaml = new Yaml(new SafeConstructor(options));
    List<YamlDocument> documents = new ArrayList<>();
    try (Reader reader = new StringReader(content)) {
      int index = 0;
      for (Node node : yaml.composeAll(reader)) {
        if (index == limits.maxDocuments()) {
          throw problem(
              node == null
                  ? SourceLocation.ofSource(source)
                  : new SourceLocation(
                      source,
                      node.getStartMark().getLine() + 1,
                      node.getStartMark().getColumn() + 1),
              String.format(
                  Locale.ROOT,
                  "more than %,d YAML documents in one file; split the file",
                  limits.maxDocuments()));
        }
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
    } catch (InvalidInputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(
          List.of(
              new Problem(SourceLocation.ofSource(source), "", "YAML syntax: " + e.getMessage())));
    }
    return documents;
  }

  /** Strict UTF-8: a malformed byte or a NUL character means the file is not text. */
  private static String utf8(byte[] bytes, SourceLocation where) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    String text;
    try {
      text = decoder.decode(buffer).toString();
    } catch (MalformedInputException e) {
      throw problem(
          where, "is not UTF-8 text (a binary file?): invalid byte at offset " + buffer.position());
    } catch (CharacterCodingException e) {
      throw problem(where, "is not UTF-8 text (a binary file?)");
    }
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw problem(where, "is not text (a binary file?): NUL character at offset " + nul);
    }
    return text;
  }

  private static String describe(IOException e) {
    String name = e.getClass().getSimpleName().replace("Exception", "");
    return e.getMessage() == null ? name : name + " " + e.getMessage();
  }

  private static InvalidInputException problem(SourceLocation where, String message) {
    return new InvalidInputException(List.of(new Problem(where, "", message)));
  }
}
