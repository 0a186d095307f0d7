package dev.tandem.simulations.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A baseline's cost/attainment frontier: of its runs at different knob settings, those no other run
 * dominates (a run is dominated when another costs no more GPU-hours and reaches at least its
 * attainment, one of them strictly). The kept points, sorted by GPU-hours, have strictly rising
 * attainment.
 *
 * <p>{@link #gpuHoursAt(double)} reads the frontier as "the GPU-hours this baseline needs to reach
 * attainment a": linear interpolation in a between the two frontier points around it; for a at or
 * below the cheapest point's attainment, that point's GPU-hours (the baseline cannot be cheaper
 * than its cheapest setting tried); above the best point, NaN (not reached by any setting tried).
 */
public final class Frontier {

  private final String family;
  private final List<FrontierPoint> points;
  private final List<FrontierPoint> all;

  private Frontier(String family, List<FrontierPoint> points, List<FrontierPoint> all) {
    this.family = family;
    this.points = points;
    this.all = all;
  }

  /** The frontier of {@code runs} (any order, dominated ones dropped). */
  public static Frontier of(String family, List<FrontierPoint> runs) {
    List<FrontierPoint> sorted = new ArrayList<>(runs);
    // Cheapest first; among equal cost the best attainment first, so it shadows the rest.
    sorted.sort(
        Comparator.comparingDouble(FrontierPoint::gpuHours)
            .thenComparing(FrontierPoint::attainment, Comparator.reverseOrder()));
    List<FrontierPoint> kept = new ArrayList<>();
    double best = Double.NEGATIVE_INFINITY;
    for (FrontierPoint p : sorted) {
      if (p.attainment() > best) {
        kept.add(p);
        best = p.attainment();
      }
    }
    return new Frontier(family, List.copyOf(kept), List.copyOf(runs));
  }

  /** The baseline's name, e.g. {@code static}, {@code hpa}, {@code dynamo-sla}, {@code oracle}. */
  public String family() {
    return family;
  }

  /** The non-dominated points, cheapest first (attainment strictly rising). */
  public List<FrontierPoint> points() {
    return points;
  }

  /** Every run handed in, dominated ones included, in the order given. */
  public List<FrontierPoint> allRuns() {
    return all;
  }

  /** GPU-hours the baseline needs for {@code attainment} (see the class comment); NaN if none. */
  public double gpuHoursAt(double attainment) {
    if (points.isEmpty() || Double.isNaN(attainment)) {
      return Double.NaN;
    }
    FrontierPoint first = points.get(0);
    if (attainment <= first.attainment()) {
      return first.gpuHours();
    }
    for (int i = 1; i < points.size(); i++) {
      FrontierPoint lo = points.get(i - 1);
      FrontierPoint hi = points.get(i);
      if (attainment <= hi.attainment()) {
        double w = (attainment - lo.attainment()) / (hi.attainment() - lo.attainment());
        return lo.gpuHours() + w * (hi.gpuHours() - lo.gpuHours());
      }
    }
    return Double.NaN;
  }

  /** The best attainment any setting reached (NaN when empty). */
  public double bestAttainment() {
    return points.isEmpty() ? Double.NaN : points.get(points.size() - 1).attainment();
  }
}
