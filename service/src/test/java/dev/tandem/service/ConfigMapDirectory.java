package dev.tandem.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A directory laid out as the kubelet mounts a ConfigMap: each version in a {@code ..<version>}
 * directory, {@code ..data} a symlink to the current one, each key a symlink through {@code
 * ..data}. {@link #publish} swaps {@code ..data} atomically (rename of a new link over the old), as
 * the kubelet's atomic writer does.
 */
public final class ConfigMapDirectory {

  private final Path root;
  private final AtomicInteger version = new AtomicInteger();

  public ConfigMapDirectory(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** Publishes a new version holding exactly {@code files} (key → content). */
  public void publish(Map<String, String> files) {
    try {
      Files.createDirectories(root);
      Path dir = root.resolve("..2026_12_04_" + version.incrementAndGet());
      Files.createDirectory(dir);
      for (Map.Entry<String, String> e : files.entrySet()) {
        Files.writeString(dir.resolve(e.getKey()), e.getValue());
      }
      Path tmp = root.resolve("..data_tmp");
      Files.deleteIfExists(tmp);
      Files.createSymbolicLink(tmp, dir.getFileName());
      Files.move(tmp, root.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
      for (String key : files.keySet()) {
        Path link = root.resolve(key);
        if (!Files.isSymbolicLink(link)) {
          Files.createSymbolicLink(link, Path.of("..data").resolve(key));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture from the test resources. */
  public static String fixture(String name) {
    try (InputStream in = ConfigMapDirectory.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
