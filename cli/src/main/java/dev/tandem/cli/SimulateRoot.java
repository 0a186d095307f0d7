package dev.tandem.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the repository checkout is (for the example profile and the shipped data in {@code data/}):
 * the {@code tandem.root} system property; else the folder above {@code cli/target/} holding the
 * running jar; else the working directory or one of its parents with {@code examples/profiles}.
 */
final class SimulateRoot {

  private static final String MARKER = "examples/profiles";

  private SimulateRoot() {}

  static Path locate() {
    String property = System.getProperty("tandem.root");
    if (property != null) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    try {
      Path code =
          Path.of(SimulateRoot.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path found = upwards(code);
      if (found != null) {
        return found;
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall through to the working directory
    }
    Path found = upwards(Path.of("").toAbsolutePath());
    return found != null ? found : Path.of("").toAbsolutePath();
  }

  private static Path upwards(Path from) {
    for (Path p = from.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve(MARKER))) {
        return p;
      }
    }
    return null;
  }
}
