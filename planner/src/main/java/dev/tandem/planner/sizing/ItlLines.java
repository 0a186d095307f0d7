package dev.tandem.planner.sizing;

import dev.tandem.profiles.capacity.ProfileCapacity;
import dev.tandem.profiles.model.PerformanceProfile;
import java.util.List;
import java.util.TreeSet;

/**
 * Builds {@link ItlLine}s of one decode profile. Made once per profile: for every pair of
 * neighbouring measured contexts it reads both contexts' envelopes at the union of their
 * concurrency breakpoints (plus one beyond the last, for the slope). A line at a context between
 * the two is then their linear blend (exact: the surface is linear in context between measured
 * contexts and piecewise linear in concurrency with these breakpoints), made without touching the
 * profile again. Outside the measured contexts the profile's surface is read directly. Either way
 * the running maximum keeps the line non-decreasing.
 */
public final class ItlLines {

  private final ProfileCapacity capacity;
  private final double[] contexts;
  private final double[][] xs;
  private final double[][] lower;
  private final double[][] upper;

  public ItlLines(ProfileCapacity capacity) {
    this.capacity = capacity;
    PerformanceProfile profile = capacity.profile();
    List<Double> measured = profile.decodeContexts();
    this.contexts = measured.stream().mapToDouble(Double::doubleValue).toArray();
    int pairs = Math.max(1, contexts.length - 1);
    this.xs = new double[pairs][];
    this.lower = new double[pairs][];
    this.upper = new double[pairs][];
    for (int i = 0; i < pairs; i++) {
      int hi = Math.min(i + 1, contexts.length - 1);
      xs[i] = breakpoints(profile, contexts[i], contexts[hi]);
      lower[i] = readAt(xs[i], contexts[i]);
      upper[i] = readAt(xs[i], contexts[hi]);
    }
  }

  public ProfileCapacity capacity() {
    return capacity;
  }

  /** ITL against concurrency at {@code contextTokens}. */
  public ItlLine at(double contextTokens) {
    int last = contexts.length - 1;
    if (contextTokens < contexts[0] || contextTokens > contexts[last]) {
      int pair = contextTokens < contexts[0] ? 0 : xs.length - 1;
      return line(xs[pair], readAt(xs[pair], contextTokens));
    }
    int pair = 0;
    while (pair < xs.length - 1 && contexts[pair + 1] < contextTokens) {
      pair++;
    }
    int hi = Math.min(pair + 1, last);
    double w =
        contexts[hi] == contexts[pair]
            ? 0
            : (contextTokens - contexts[pair]) / (contexts[hi] - contexts[pair]);
    double[] y = new double[xs[pair].length + 1];
    for (int i = 0; i < y.length; i++) {
      y[i] = (1 - w) * lower[pair][i] + w * upper[pair][i];
    }
    return line(xs[pair], y);
  }

  /** The line through (x_i, y_i) with y's last entry read one beyond the last x (the slope). */
  private static ItlLine line(double[] x, double[] y) {
    double[] ys = new double[x.length];
    double runningMax = 0;
    for (int i = 0; i < x.length; i++) {
      runningMax = Math.max(runningMax, y[i]);
      ys[i] = runningMax;
    }
    return new ItlLine(x, ys, y[x.length] - ys[x.length - 1]);
  }

  /** ITL at every breakpoint, then one beyond the last. */
  private double[] readAt(double[] x, double context) {
    double[] y = new double[x.length + 1];
    for (int i = 0; i < x.length; i++) {
      y[i] = capacity.itlMillis(x[i], context).value();
    }
    y[x.length] = capacity.itlMillis(x[x.length - 1] + 1, context).value();
    return y;
  }

  private static double[] breakpoints(PerformanceProfile profile, double a, double b) {
    TreeSet<Double> union = new TreeSet<>();
    profile.decodeAt(a).forEach(p -> union.add(p.concurrency()));
    profile.decodeAt(b).forEach(p -> union.add(p.concurrency()));
    return union.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
