package dev.tandem.traces;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens trace files whether they are stored plain or gzip-compressed. The repository ships its data
 * compressed ({@code data/}), while users bring plain files; a reader takes either, so the same
 * path works with or without the {@code .gz} suffix.
 */
public final class TraceFiles {

  private TraceFiles() {}

  /** The file's bytes, gunzipped when its name ends in {@code .gz}. */
  public static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    if (!file.getFileName().toString().endsWith(".gz")) {
      return in;
    }
    try {
      return new GZIPInputStream(in, 1 << 16);
    } catch (IOException e) {
      in.close();
      throw new IOException(file + " ends in .gz but is not gzip data: " + e.getMessage(), e);
    }
  }

  /**
   * {@code directory/name} if it exists, else {@code directory/name.gz} if that exists, else {@code
   * directory/name} (so the caller's error names the file it looked for).
   */
  public static Path resolve(Path directory, String name) {
    Path plain = directory.resolve(name);
    if (Files.exists(plain)) {
      return plain;
    }
    Path gz = directory.resolve(name + ".gz");
    return Files.exists(gz) ? gz : plain;
  }
}
