package dev.tandem.profiles.dynamo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Reads a NumPy {@code .npz} archive (a zip of {@code .npy} files) into arrays by name. */
public final class NpzReader {

  private NpzReader() {}

  /** The arrays of {@code file}, keyed by entry name without {@code .npy}. */
  public static Map<String, NpyArray> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.toString(), in);
    }
  }

  public static Map<String, NpyArray> read(String source, InputStream in) throws IOException {
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(in)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        String name = entry.getName();
        if (entry.isDirectory() || !name.endsWith(".npy")) {
          continue;
        }
        String key = name.substring(0, name.length() - 4);
        arrays.put(key, NpyReader.read(source + "/" + name, zip));
      }
    }
    if (arrays.isEmpty()) {
      throw new IOException(source + ": no .npy arrays inside (is it an .npz file?)");
    }
    return arrays;
  }
}
