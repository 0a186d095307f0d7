package dev.tandem.simulations.report;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One column of a report table, shared by the CSV and JSON writers so both list the same fields in
 * the same order.
 *
 * @param name the CSV header and JSON key
 * @param value the field of a row (String, Long, Integer, Double or Boolean)
 * @param decimals decimals of a Double in the CSV (the JSON always writes 6)
 */
record Column<T>(String name, Function<T, Object> value, int decimals) {

  static <T> Column<T> of(String name, Function<T, Object> value) {
    return new Column<>(name, value, 0);
  }

  static <T> Column<T> of(String name, Function<T, Object> value, int decimals) {
    return new Column<>(name, value, decimals);
  }

  static <T> String header(List<Column<T>> columns) {
    return columns.stream().map(Column::name).collect(Collectors.joining(","));
  }
}
