package dev.tandem.config.yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds and reads the YAML files of a file-or-directory argument: a file is read as given; a
 * directory contributes every {@code *.yaml} and {@code *.yml} file below it, recursively, sorted
 * by path so problems come out in a stable order.
 */
public final class YamlFiles {

  private YamlFiles() {}

  /** The files to read; a missing path or a directory without YAML files is a problem. */
  public static List<Path> list(Path fileOrDirectory, Problems problems) {
    SourceLocation where = SourceLocation.ofSource(fileOrDirectory.toString());
    if (!Files.exists(fileOrDirectory)) {
      problems.add(where, "", "does not exist");
      return List.of();
    }
    if (!Files.isDirectory(fileOrDirectory)) {
      return List.of(fileOrDirectory);
    }
    try (Stream<Path> walk = Files.walk(fileOrDirectory)) {
      List<Path> files =
          walk.filter(Files::isRegularFile)
              .filter(YamlFiles::isYaml)
              .sorted(Comparator.comparing(Path::toString))
              .toList();
      if (files.isEmpty()) {
        problems.add(where, "", "is a directory without *.yaml or *.yml files");
      }
      return files;
    } catch (IOException | RuntimeException e) {
      problems.add(where, "", "cannot be listed: " + e.getMessage());
      return List.of();
    }
  }

  /** Every document of every file; files that cannot be read or parsed add their problems. */
  public static List<YamlDocument> readAll(Path fileOrDirectory, Problems problems) {
    List<YamlDocument> documents = new ArrayList<>();
    for (Path file : list(fileOrDirectory, problems)) {
      try {
        documents.addAll(YamlDocuments.read(file));
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    return documents;
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
