package dev.tandem.profiles.dynamo;

import dev.tandem.config.yaml.Problems;
import dev.tandem.config.yaml.SourceLocation;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The named arrays of one file, read with problems recorded instead of thrown. */
final class ArraySet {

  private final String source;
  private final Map<String, NpyArray> arrays;
  private final Problems problems;

  ArraySet(String source, Map<String, NpyArray> arrays, Problems problems) {
    this.source = source;
    this.arrays = arrays;
    this.problems = problems;
  }

  Problems problems() {
    return problems;
  }

  String source() {
    return source;
  }

  boolean has(String name) {
    return arrays.containsKey(name);
  }

  int rows(String name) {
    return array(name).map(NpyArray::rows).orElse(0);
  }

  /** Row {@code r} of a numeric array, or an empty array with a problem recorded. */
  double[] row(String name, int r) {
    Optional<NpyArray> a = array(name);
    if (a.isEmpty()) {
      return new double[0];
    }
    if (a.get().isText()) {
      problem(name, "must hold numbers, holds text (" + a.get().dtype() + ")");
      return new double[0];
    }
    if (r >= a.get().rows()) {
      problem(name, "has " + a.get().rows() + " rows, row " + r + " is missing");
      return new double[0];
    }
    return a.get().row(r);
  }

  /** The single number of row {@code r} (shapes (R,1), (1,) and ()). */
  Optional<Double> number(String name, int r) {
    double[] row = row(name, r);
    if (row.length != 1) {
      if (has(name) && row.length > 1) {
        problem(name, "must hold one value per row, holds " + row.length);
      }
      return Optional.empty();
    }
    return Optional.of(row[0]);
  }

  Optional<String> text(String name, int r) {
    Optional<NpyArray> a = array(name);
    if (a.isEmpty()) {
      return Optional.empty();
    }
    if (!a.get().isText()) {
      return Optional.of(numberText(a.get().row(Math.min(r, a.get().rows() - 1))[0]));
    }
    return Optional.of(a.get().string(r));
  }

  private static String numberText(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private Optional<NpyArray> array(String name) {
    NpyArray a = arrays.get(name);
    if (a == null) {
      problem(
          name, "is missing; the file has: " + String.join(", ", new TreeSet<>(arrays.keySet())));
    }
    return Optional.ofNullable(a);
  }

  void problem(String name, String message) {
    problems.add(SourceLocation.ofSource(source), name, message);
  }
}
