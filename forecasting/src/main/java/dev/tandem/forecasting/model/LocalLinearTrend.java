package dev.tandem.forecasting.model;

import org.apache.commons.math3.filter.DefaultMeasurementModel;
import org.apache.commons.math3.filter.DefaultProcessModel;
import org.apache.commons.math3.filter.KalmanFilter;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Local linear trend model filtered by commons-math3's {@link KalmanFilter}. State x = (level,
 * slope):
 *
 * <pre>
 * x_{t+1} = [[1, 1], [0, 1]]·x_t + w_t,  w ~ N(0, diag(q_ℓ, q_b))
 * y_t     = [1, 0]·x_t + v_t,            v ~ N(0, r)
 * ŷ_{t+h} = level_t + h·slope_t
 * </pre>
 *
 * The variances (q_ℓ, q_b, r) are refitted by maximising the Gaussian prediction-error likelihood
 * (Nelder–Mead over their logarithms; a scalar copy of the same filter evaluates it) and the filter
 * is rebuilt and replayed over the history. A missing tick is a prediction step without a
 * correction. Before the first fit it forecasts the last value.
 */
public final class LocalLinearTrend extends AbstractModel {

  private static final double[][] A = {{1, 1}, {0, 1}};
  private static final double[][] H = {{1, 0}};
  private double qLevel = Double.NaN;
  private double qSlope;
  private double r;
  private KalmanFilter filter;
  private double last = Double.NaN;

  @Override
  public String name() {
    return "kalman-llt";
  }

  private KalmanFilter newFilter(double[] x0, double[][] p0) {
    RealMatrix q = new Array2DRowRealMatrix(new double[][] {{qLevel, 0}, {0, qSlope}});
    return new KalmanFilter(
        new DefaultProcessModel(
            new Array2DRowRealMatrix(A),
            null,
            q,
            new ArrayRealVector(x0),
            new Array2DRowRealMatrix(p0)),
        new DefaultMeasurementModel(
            new Array2DRowRealMatrix(H), new Array2DRowRealMatrix(new double[][] {{r}})));
  }

  @Override
  protected void update(double y) {
    last = y;
    if (Double.isNaN(qLevel)) {
      return;
    }
    if (filter == null) {
      filter = newFilter(new double[] {y, 0}, new double[][] {{r * 10, 0}, {0, r * 10}});
      return;
    }
    filter.predict();
    filter.correct(new double[] {y});
  }

  @Override
  public void forecast(double[] path) {
    if (filter == null) {
      fill(path, last);
      return;
    }
    double[] x = filter.getStateEstimation();
    // The filter's state is x_{t|t}; the process model moves it one step per tick.
    for (int h = 1; h <= path.length; h++) {
      path[h - 1] = x[0] + h * x[1];
    }
  }

  @Override
  public void refit(double[] history) {
    if (Fit.finiteCount(history) < 16) {
      return;
    }
    double var = 0;
    double prev = Double.NaN;
    int n = 0;
    for (double v : history) {
      if (!Double.isNaN(v) && !Double.isNaN(prev)) {
        var += (v - prev) * (v - prev);
        n++;
      }
      if (!Double.isNaN(v)) {
        prev = v;
      }
    }
    double base = Math.max(1e-12, n == 0 ? 1 : var / n);
    double[] start =
        Double.isNaN(qLevel)
            ? new double[] {Math.log(base / 2), Math.log(base / 100), Math.log(base / 2)}
            : new double[] {Math.log(qLevel), Math.log(qSlope), Math.log(r)};
    double[] x =
        Fit.minimise(
            v -> -logLikelihood(history, Math.exp(v[0]), Math.exp(v[1]), Math.exp(v[2])),
            start,
            1.0,
            600);
    // Floors keep the innovation variance positive on flat series (a constant or all zeros).
    double mean = Fit.mean(history);
    double floor = 1e-9 * Math.max(1, mean * mean);
    qLevel = Math.max(floor, Math.exp(x[0]));
    qSlope = Math.max(floor, Math.exp(x[1]));
    r = Math.max(floor, Math.exp(x[2]));
    filter = null;
    for (double v : history) {
      observe(v);
    }
  }

  /** Gaussian log-likelihood of the one-step prediction errors (constant terms dropped). */
  static double logLikelihood(double[] y, double ql, double qb, double r) {
    double l = Double.NaN;
    double b = 0;
    double p00 = 0;
    double p01 = 0;
    double p11 = 0;
    double ll = 0;
    for (double v : y) {
      if (Double.isNaN(l)) {
        if (!Double.isNaN(v)) {
          l = v;
          p00 = r * 10;
          p11 = r * 10;
        }
        continue;
      }
      // predict: x = A x, P = A P Aᵀ + Q
      l = l + b;
      double n00 = p00 + 2 * p01 + p11 + ql;
      double n01 = p01 + p11;
      double n11 = p11 + qb;
      p00 = n00;
      p01 = n01;
      p11 = n11;
      if (Double.isNaN(v)) {
        continue;
      }
      double s = p00 + r;
      double innovation = v - l;
      ll += -0.5 * (Math.log(s) + innovation * innovation / s);
      double k0 = p00 / s;
      double k1 = p01 / s;
      l += k0 * innovation;
      b += k1 * innovation;
      double m00 = (1 - k0) * p00;
      double m01 = (1 - k0) * p01;
      double m11 = p11 - k1 * p01;
      p00 = m00;
      p01 = m01;
      p11 = m11;
    }
    return Double.isFinite(ll) ? ll : -1e300;
  }

  @Override
  public double[] save() {
    if (filter == null) {
      return new double[] {qLevel, qSlope, r, last, 0};
    }
    double[] x = filter.getStateEstimation();
    double[][] p = filter.getErrorCovariance();
    return new double[] {
      qLevel, qSlope, r, last, 1, x[0], x[1], p[0][0], p[0][1], p[1][0], p[1][1]
    };
  }

  @Override
  public void restore(double[] s) {
    qLevel = s[0];
    qSlope = s[1];
    r = s[2];
    last = s[3];
    filter =
        s[4] == 0
            ? null
            : newFilter(new double[] {s[5], s[6]}, new double[][] {{s[7], s[8]}, {s[9], s[10]}});
  }
}
