package dev.tandem.simulations.policy.dynamo.arima;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * pmdarima's {@code auto_arima(y)} with its defaults for a non-seasonal series (m = 1): the
 * Hyndman–Khandakar stepwise search minimising AIC.
 *
 * <ol>
 *   <li>A constant {@code y}: ARIMA(0,0,0) without intercept (forecast 0, as pmdarima).
 *   <li>{@code d} = {@link Kpss#ndiffs}(y, α = 0.05, max_d = 2). If {@code Δ^d y} is constant, the
 *       "perfect" ARIMA(0,d,0) with intercept: the forecast continues that constant difference.
 *   <li>{@code max_p = min(5, ⌊n/3⌋)}, {@code max_q} likewise; start at {@code p = min(2, max_p)},
 *       {@code q = min(2, max_q)} (at most 1 when n &lt; 10); intercept when d ≤ 1.
 *   <li>Fit (p,d,q), (0,d,0), (1,d,0), (0,d,1) and, with an intercept, (0,d,0) without one; each
 *       that improves the best AIC becomes the current order.
 *   <li>Repeat until a pass fits nothing new (at most 100 fits): try, in this order, p−1, q−1, p+1,
 *       q+1, (p−1,q−1), (p−1,q+1), (p+1,q−1), (p+1,q+1) within [0, max], moving to the first that
 *       lowers the best AIC; then the current order with the intercept toggled.
 *   <li>A fit whose largest inverse root modulus exceeds 0.99 scores AIC = ∞ (pmdarima's root test;
 *       like pmdarima, only the MA roots are checked when q &gt; 0). The result is the fit with the
 *       lowest AIC; ties go to the earlier fit (pmdarima breaks them by fit time).
 * </ol>
 *
 * pmdarima's {@code max_order = 5} bounds only its non-stepwise search, so p + q may reach 10 here
 * as there. Each order is fitted by {@link ArimaEstimator}; an order that cannot be fitted is
 * skipped (error_action="ignore"). Empty when nothing could be fitted (pmdarima raises).
 */
public final class AutoArima {

  static final int MAX_P = 5;
  static final int MAX_Q = 5;
  static final int START_P = 2;
  static final int START_Q = 2;
  static final int MAX_D = 2;
  static final double ALPHA = 0.05;
  static final int MAX_FITS = 100;
  static final double ROOT_LIMIT = 1 - 1e-2;

  private final double[] y;
  private final int d;
  private final int maxP;
  private final int maxQ;
  private final Map<List<Object>, ArimaFit> fitted = new HashMap<>();
  private final List<ArimaFit> inOrder = new ArrayList<>();
  private final List<Double> scores = new ArrayList<>();
  private double bestScore = Double.POSITIVE_INFINITY;
  private int fits;

  private AutoArima(double[] y, int d) {
    this.y = y;
    this.d = d;
    this.maxP = Math.min(MAX_P, y.length / 3);
    this.maxQ = Math.min(MAX_Q, y.length / 3);
  }

  /** The selected model for {@code y} (finite values), or empty when no order could be fitted. */
  public static Optional<ArimaFit> fit(double[] y) {
    int n = y.length;
    if (n == 0) {
      return Optional.empty();
    }
    if (Kpss.isConstant(y)) {
      return Optional.of(exact(0, false, 0.0, 0.0));
    }
    int d = Kpss.ndiffs(y, ALPHA, MAX_D);
    double[] w = Differencing.difference(y, d);
    if (w.length > 0 && Kpss.isConstant(w)) {
      return Optional.of(exact(d, true, w[0], Differencing.integrate(y, d, w[0])));
    }
    return new AutoArima(y, d).stepwise();
  }

  /** The order of differencing auto_arima chooses for {@code y}. */
  public static int differencingOrder(double[] y) {
    return Kpss.ndiffs(y, ALPHA, MAX_D);
  }

  /** The unfitted ARIMA(0,d,0) of a series that is exactly constant after d differences. */
  private static ArimaFit exact(int d, boolean intercept, double mean, double forecast) {
    return new ArimaFit(
        0,
        d,
        0,
        intercept,
        new double[0],
        new double[0],
        mean,
        0,
        Double.NaN,
        Double.NaN,
        forecast);
  }

  private Optional<ArimaFit> stepwise() {
    int n = y.length;
    boolean intercept = d <= 1;
    int startP = Math.min(START_P, maxP);
    int startQ = Math.min(START_Q, maxQ);
    if (n < 10) {
      startP = Math.min(startP, 1);
      startQ = Math.min(startQ, 1);
    }
    int p = startP;
    int q = startQ;
    tryOrder(p, q, intercept);
    if (tryOrder(0, 0, intercept)) {
      p = 0;
      q = 0;
    }
    if (maxP > 0 && tryOrder(1, 0, intercept)) {
      p = 1;
      q = 0;
    }
    if (maxQ > 0 && tryOrder(0, 1, intercept)) {
      p = 0;
      q = 1;
    }
    if (intercept && tryOrder(0, 0, false)) {
      p = 0;
      q = 0;
    }
    int[][] moves = {{-1, 0}, {0, -1}, {1, 0}, {0, 1}, {-1, -1}, {-1, 1}, {1, -1}, {1, 1}};
    int passStart = 0;
    while (passStart < fits && fits < MAX_FITS) {
      passStart = fits;
      boolean moved = false;
      for (int[] m : moves) {
        int np = p + m[0];
        int nq = q + m[1];
        if (np >= 0 && np <= maxP && nq >= 0 && nq <= maxQ && fits < MAX_FITS) {
          if (tryOrder(np, nq, intercept)) {
            p = np;
            q = nq;
            moved = true;
            break;
          }
        }
      }
      if (!moved && fits < MAX_FITS && tryOrder(p, q, !intercept)) {
        intercept = !intercept;
      }
    }
    ArimaFit best = null;
    double lowest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < inOrder.size(); i++) {
      if (scores.get(i) < lowest) {
        lowest = scores.get(i);
        best = inOrder.get(i);
      }
    }
    return Optional.ofNullable(best);
  }

  /** Fits an order not yet tried; true when it beats the best AIC so far. */
  private boolean tryOrder(int p, int q, boolean intercept) {
    List<Object> key = List.of(p, q, intercept);
    if (fitted.containsKey(key)) {
      return false;
    }
    fits++;
    ArimaFit fit = ArimaEstimator.fit(y, p, d, q, intercept);
    fitted.put(key, fit);
    if (fit == null) {
      return false;
    }
    double score = rootTest(fit) ? fit.aic() : Double.POSITIVE_INFINITY;
    inOrder.add(fit);
    scores.add(score);
    if (Double.isFinite(score) && score < bestScore) {
      bestScore = score;
      return true;
    }
    return false;
  }

  /** pmdarima's root test: false when the checked polynomial has an inverse root beyond 0.99. */
  private static boolean rootTest(ArimaFit fit) {
    if (fit.q() > 0) {
      return StationaryTransform.inverseRootsBelow(
          StationaryTransform.negate(fit.theta()), ROOT_LIMIT);
    }
    return fit.p() == 0 || StationaryTransform.inverseRootsBelow(fit.phi(), ROOT_LIMIT);
  }
}
