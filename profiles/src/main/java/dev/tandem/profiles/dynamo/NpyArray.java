package dev.tandem.profiles.dynamo;

import java.util.Arrays;

/**
 * One array read from a NumPy {@code .npy} file: its dtype, C-order shape and elements, either
 * numbers (float and integer dtypes, as doubles) or strings (unicode {@code <U} dtypes).
 *
 * <p>Rows: shape {@code ()} or {@code (N,)} is one row; {@code (R, N)} is R rows of N.
 */
public final class NpyArray {

  private final String name;
  private final String dtype;
  private final int[] shape;
  private final double[] numbers;
  private final String[] strings;

  NpyArray(String name, String dtype, int[] shape, double[] numbers, String[] strings) {
    this.name = name;
    this.dtype = dtype;
    this.shape = shape.clone();
    this.numbers = numbers;
    this.strings = strings;
  }

  public String name() {
    return name;
  }

  public String dtype() {
    return dtype;
  }

  public int[] shape() {
    return shape.clone();
  }

  public boolean isText() {
    return strings != null;
  }

  public int size() {
    return isText() ? strings.length : numbers.length;
  }

  /** Number of rows: {@code shape[0]} for 2-D arrays, else 1. */
  public int rows() {
    return shape.length == 2 ? shape[0] : 1;
  }

  /** Elements per row: {@code shape[1]} for 2-D arrays, else all elements. */
  public int columns() {
    return shape.length == 2 ? shape[1] : size();
  }

  /** All numbers in C order. */
  public double[] numbers() {
    requireNumbers();
    return numbers.clone();
  }

  /** The numbers of row {@code r}. */
  public double[] row(int r) {
    requireNumbers();
    checkRow(r);
    return Arrays.copyOfRange(numbers, r * columns(), (r + 1) * columns());
  }

  /** The single number of row {@code r} (shape (R, 1), (1,) or ()). */
  public double number(int r) {
    requireNumbers();
    checkRow(r);
    if (columns() != 1) {
      throw new IllegalStateException(
          name + " has " + columns() + " values per row, expected one (shape " + shapeText() + ")");
    }
    return numbers[r];
  }

  /** The single string of row {@code r}. */
  public String string(int r) {
    if (!isText()) {
      throw new IllegalStateException(name + " holds numbers (" + dtype + "), not text");
    }
    checkRow(r);
    return strings[r * columns()];
  }

  public String shapeText() {
    return "("
        + String.join(", ", Arrays.stream(shape).mapToObj(Integer::toString).toList())
        + (shape.length == 1 ? ",)" : ")");
  }

  private void requireNumbers() {
    if (isText()) {
      throw new IllegalStateException(name + " holds text (" + dtype + "), not numbers");
    }
  }

  private void checkRow(int r) {
    if (r < 0 || r >= rows()) {
      throw new IndexOutOfBoundsException(name + " has " + rows() + " rows, asked for row " + r);
    }
  }
}
