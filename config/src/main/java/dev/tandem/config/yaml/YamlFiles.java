package dev.tandem.config.yaml;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds and reads the YAML files of a file-or-directory argument: a file is read as given; a
 * directory contributes every {@code *.yaml} and {@code *.yml} file below it, recursively, sorted
 * by path so problems come out in a stable order. Hidden files and directories are skipped and
 * links are followed, which is how a mounted ConfigMap reads right.
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
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(fileOrDirectory, new Collector(fileOrDirectory, files, problems));
    } catch (IOException | RuntimeException e) {
      problems.add(where, "", "cannot be listed: " + e.getMessage());
      return List.of();
    }
    files.sort(Comparator.comparing(Path::toString));
    if (files.isEmpty()) {
      problems.add(where, "", "is a directory without *.yaml or *.yml files");
    }
    return List.copyOf(files);
  }

  /**
   * Collects YAML files; a subdirectory or file that cannot be read (permission denied, a broken
   * link) is one problem naming it, and the walk goes on.
   */
  private static final class Collector extends SimpleFileVisitor<Path> {
    /** A policy directory holds tens of files; a walk this long was pointed at the wrong place. */
    private static final int MAX_ENTRIES = 100_000;

    private final Path root;
    private final List<Path> files;
    private final Problems problems;
    private int entries;

    Collector(Path root, List<Path> files, Problems problems) {
      this.root = root;
      this.files = files;
      this.problems = problems;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
      if (counted(directory) == FileVisitResult.TERMINATE) {
        return FileVisitResult.TERMINATE;
      }
      return isHidden(directory) && !directory.equals(root)
          ? FileVisitResult.SKIP_SUBTREE
          : FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
      if (counted(file) == FileVisitResult.TERMINATE) {
        return FileVisitResult.TERMINATE;
      }
      if (!isYaml(file) || isHidden(file)) {
        return FileVisitResult.CONTINUE;
      }
      if (attributes.isRegularFile() || Files.isRegularFile(file)) {
        files.add(file); // a symbolic link is followed: a mounted ConfigMap's files are links
      } else if (attributes.isSymbolicLink()) {
        problems.add(SourceLocation.ofSource(file.toString()), "", "is a symbolic link to nothing");
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      if (isYaml(file) || Files.isDirectory(file)) {
        String why =
            e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
        problems.add(SourceLocation.ofSource(file.toString()), "", "cannot be read: " + why);
      }
      return FileVisitResult.CONTINUE;
    }

    private FileVisitResult counted(Path path) {
      if (++entries <= MAX_ENTRIES) {
        return FileVisitResult.CONTINUE;
      }
      problems.add(
          SourceLocation.ofSource(path.toString()),
          "",
          "stopped listing after "
              + MAX_ENTRIES
              + " entries: point at the policy directory itself");
      return FileVisitResult.TERMINATE;
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

  /**
   * Hidden entries are skipped: a mounted ConfigMap keeps its real files in {@code ..data} and a
   * timestamped {@code ..2026_…} directory, and shows them through visible links, so reading the
   * hidden copies too would load every document twice.
   */
  private static boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
