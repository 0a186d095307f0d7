package dev.tandem.profiles.interpolation;

/**
 * How a query was answered along one axis.
 *
 * @param axis the axis name, for example {@code isl}, {@code concurrency} or {@code context}
 * @param placement inside, on, or outside the measured range (and which way)
 * @param query the queried coordinate
 * @param edge the measured edge used when the query was outside (smallest or largest point);
 *     otherwise the nearest measured coordinate at or below the query
 */
public record AxisPlacement(String axis, Placement placement, double query, double edge) {

  /** The placement of the two that lies further from measured data. */
  static AxisPlacement worse(AxisPlacement a, AxisPlacement b) {
    return b.placement().severity() > a.placement().severity() ? b : a;
  }

  /** A short phrase, for example {@code concurrency 2000 extrapolated above 1573}. */
  public String describe() {
    String q = Numbers.compact(query);
    String e = Numbers.compact(edge);
    return switch (placement) {
      case AT_POINT -> axis + " " + q + " measured";
      case INTERPOLATED -> axis + " " + q + " interpolated";
      case CLAMPED_BELOW -> axis + " " + q + " clamped to smallest measured " + e;
      case CLAMPED_ABOVE -> axis + " " + q + " clamped to largest measured " + e;
      case EXTRAPOLATED_ABOVE -> axis + " " + q + " extrapolated above largest measured " + e;
    };
  }
}
