package dev.tandem.forecasting;

import dev.tandem.forecasting.model.PointModel;
import java.util.List;

/**
 * Automatic selection/ensemble per series and per step. Every candidate forecasts every tick; when
 * y_{o+h} arrives, each candidate's absolute error at step h updates an exponentially weighted mean
 * E_{c,h} (weight 1/48 per new error: about the last 48 resolved forecasts, 8 hours at 10-minute
 * ticks). Scores therefore use only forecasts whose outcome is known before the current origin
 * (rolling origin, no look-ahead). The step-h forecast is
 *
 * <pre>ŷ_h = Σ_{c∈top-K(h)} w_{c,h}·ŷ_{c,h},   w_{c,h} ∝ 1/E_{c,h}²</pre>
 *
 * over the K = 3 best candidates at that step. Until {@code minScored} errors exist the first
 * candidate (the last value) is used alone. Refits refit every candidate.
 */
final class Selector implements PointModel {

  private static final int TOP = 3;

  /** EWMA weight of a new error: a memory of about the last 48 resolved forecasts per step. */
  private static final double SCORE_DECAY = 1.0 / 48;

  private final List<PointModel> candidates;
  private final int horizon;
  private final int minScored;
  private final double decay;

  /** pending[c][slot][h]: candidate c's path from origin slot. */
  private final double[][][] pending;

  private final boolean[] live;
  private final double[][] error;
  private final double[] scratch;
  private long origin;
  private long scored;

  Selector(List<PointModel> candidates, ForecastSettings settings) {
    this.candidates = List.copyOf(candidates);
    this.horizon = settings.maxHorizon();
    this.minScored = 10;
    this.decay = SCORE_DECAY;
    int n = candidates.size();
    pending = new double[n][horizon + 1][horizon];
    live = new boolean[horizon + 1];
    error = new double[n][horizon];
    scratch = new double[horizon];
  }

  @Override
  public String name() {
    return "selector";
  }

  @Override
  public void observe(double y) {
    if (!Double.isNaN(y)) {
      for (int h = 1; h <= horizon; h++) {
        int slot = (int) Math.floorMod(origin - h, (long) (horizon + 1));
        if (origin - h < 0 || !live[slot]) {
          continue;
        }
        for (int c = 0; c < candidates.size(); c++) {
          double e = Math.abs(y - pending[c][slot][h - 1]);
          if (Double.isNaN(e)) {
            continue;
          }
          error[c][h - 1] = scored < 1 ? e : error[c][h - 1] + decay * (e - error[c][h - 1]);
        }
        if (h == 1) {
          scored++;
        }
      }
    }
    for (PointModel c : candidates) {
      c.observe(y);
    }
    int slot = (int) Math.floorMod(origin, (long) (horizon + 1));
    boolean any = false;
    for (int c = 0; c < candidates.size(); c++) {
      candidates.get(c).forecast(pending[c][slot]);
      any |= !Double.isNaN(pending[c][slot][0]);
    }
    live[slot] = any;
    origin++;
  }

  @Override
  public void forecast(double[] path) {
    int slot = (int) Math.floorMod(origin - 1, (long) (horizon + 1));
    if (origin == 0) {
      java.util.Arrays.fill(path, Double.NaN);
      return;
    }
    for (int h = 1; h <= path.length; h++) {
      if (scored < minScored) {
        path[h - 1] = pending[0][slot][h - 1];
        continue;
      }
      double weighted = 0;
      double total = 0;
      for (int pick = 0; pick < TOP; pick++) {
        int best = -1;
        for (int c = 0; c < candidates.size(); c++) {
          double v = pending[c][slot][h - 1];
          if (Double.isNaN(v) || Double.isNaN(error[c][h - 1]) || chosen(c, pick)) {
            continue;
          }
          if (best < 0 || error[c][h - 1] < error[best][h - 1]) {
            best = c;
          }
        }
        if (best < 0) {
          break;
        }
        scratchChosen[pick] = best;
        double w = 1 / Math.max(1e-12, error[best][h - 1] * error[best][h - 1]);
        weighted += w * pending[best][slot][h - 1];
        total += w;
      }
      clearChosen();
      path[h - 1] = total > 0 ? weighted / total : pending[0][slot][h - 1];
    }
  }

  private final int[] scratchChosen = new int[TOP];

  private boolean chosen(int c, int upTo) {
    for (int i = 0; i < upTo; i++) {
      if (scratchChosen[i] == c) {
        return true;
      }
    }
    return false;
  }

  private void clearChosen() {
    java.util.Arrays.fill(scratchChosen, -1);
  }

  /** Current mean absolute step-h error of each candidate (for reports). */
  double[] errors(int h) {
    double[] out = new double[candidates.size()];
    for (int c = 0; c < out.length; c++) {
      out[c] = error[c][h - 1];
    }
    return out;
  }

  @Override
  public void refit(double[] history) {
    for (PointModel c : candidates) {
      c.refit(history);
    }
  }

  @Override
  public double[] save() {
    DoubleList out = new DoubleList();
    out.add(origin, scored);
    for (int c = 0; c < candidates.size(); c++) {
      double[] s = candidates.get(c).save();
      out.add(s.length);
      out.addAll(s);
      out.addAll(error[c]);
      for (int slot = 0; slot <= horizon; slot++) {
        out.addAll(pending[c][slot]);
      }
    }
    for (boolean l : live) {
      out.add(l ? 1 : 0);
    }
    return out.toArray();
  }

  @Override
  public void restore(double[] s) {
    origin = (long) s[0];
    scored = (long) s[1];
    int o = 2;
    for (int c = 0; c < candidates.size(); c++) {
      int n = (int) s[o++];
      candidates.get(c).restore(java.util.Arrays.copyOfRange(s, o, o + n));
      o += n;
      System.arraycopy(s, o, error[c], 0, horizon);
      o += horizon;
      for (int slot = 0; slot <= horizon; slot++) {
        System.arraycopy(s, o, pending[c][slot], 0, horizon);
        o += horizon;
      }
    }
    for (int slot = 0; slot <= horizon; slot++) {
      live[slot] = s[o++] != 0;
    }
  }
}
