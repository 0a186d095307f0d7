package dev.tandem.profiles.dynamo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The CSV decodings beside the shared .npz files (plain comma-separated, no quoting). */
record Csv(List<String> header, List<String[]> rows) {

  static Csv read(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      List<String[]> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (!line.isBlank()) {
          rows.add(line.split(",", -1));
        }
      }
      return new Csv(List.of(lines.get(0).split(",")), rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String get(String[] row, String column) {
    int i = header.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException("no column " + column + " in " + header);
    }
    return row[i];
  }

  double number(String[] row, String column) {
    return Double.parseDouble(get(row, column));
  }

  /** Rows grouped by {@code config_row} (pre-swept) or all under 0 (test data). */
  Map<Integer, List<String[]>> byConfigRow() {
    Map<Integer, List<String[]>> groups = new TreeMap<>();
    for (String[] row : rows) {
      int r = header.contains("config_row") ? Integer.parseInt(get(row, "config_row")) : 0;
      groups.computeIfAbsent(r, k -> new ArrayList<>()).add(row);
    }
    return groups;
  }
}
