package dev.tandem.profiles.interpolation;

/** Where a query fell relative to the measured points along one axis. */
public enum Placement {
  /** Exactly on a measured point. */
  AT_POINT,
  /** Between two measured points. */
  INTERPOLATED,
  /** Below the smallest measured point: the value of that point is used. */
  CLAMPED_BELOW,
  /** Above the largest measured point: the value of that point is used. */
  CLAMPED_ABOVE,
  /** Above the largest measured point: continued along a straight line (see the curve's rule). */
  EXTRAPOLATED_ABOVE;

  /** True when the query lay outside the measured range. */
  public boolean isOutside() {
    return this == CLAMPED_BELOW || this == CLAMPED_ABOVE || this == EXTRAPOLATED_ABOVE;
  }

  /** Orders placements by how far from measured data they are, for merging two axes' results. */
  int severity() {
    return switch (this) {
      case AT_POINT -> 0;
      case INTERPOLATED -> 1;
      case CLAMPED_BELOW -> 2;
      case CLAMPED_ABOVE -> 3;
      case EXTRAPOLATED_ABOVE -> 4;
    };
  }
}
