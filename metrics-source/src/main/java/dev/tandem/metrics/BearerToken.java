package dev.tandem.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * A bearer token kept in a file and re-read when the file changes (modification time or size), as
 * Kubernetes rotates projected service-account tokens in place. Reading the attributes on every
 * request costs one {@code stat}; the file itself is read only after a change.
 */
final class BearerToken {

  private final Path file;
  private FileTime modified;
  private long size = -1;
  private String token;

  BearerToken(Path file) {
    this.file = file;
  }

  /** The current token, trimmed; throws when the file cannot be read or is empty. */
  synchronized String current() {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (token == null || !a.lastModifiedTime().equals(modified) || a.size() != size) {
        String read = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (read.isEmpty()) {
          throw new IllegalStateException("bearer token file " + file + " is empty");
        }
        token = read;
        modified = a.lastModifiedTime();
        size = a.size();
      }
      return token;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bearer token file " + file + ": " + e, e);
    }
  }
}
