package dev.tandem.simulations.policy.dynamo.arima;

/**
 * Gaussian elimination with partial pivoting on a small dense system, in place and without
 * allocation (it runs once per likelihood evaluation).
 */
final class LinearSolve {

  private LinearSolve() {}

  /**
   * Solves {@code a x = b} for the leading {@code n × n} block, leaving x in {@code b} and
   * destroying {@code a}; false when a pivot is (numerically) zero.
   */
  static boolean inPlace(double[][] a, double[] b, int n) {
    double scale = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        scale = Math.max(scale, Math.abs(a[i][j]));
      }
    }
    double tiny = 1e-13 * scale;
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int row = col + 1; row < n; row++) {
        if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
          pivot = row;
        }
      }
      if (!(Math.abs(a[pivot][col]) > tiny)) {
        return false;
      }
      if (pivot != col) {
        double[] rowSwap = a[pivot];
        a[pivot] = a[col];
        a[col] = rowSwap;
        double bSwap = b[pivot];
        b[pivot] = b[col];
        b[col] = bSwap;
      }
      double[] pivotRow = a[col];
      for (int row = col + 1; row < n; row++) {
        double factor = a[row][col] / pivotRow[col];
        if (factor != 0) {
          double[] target = a[row];
          for (int j = col; j < n; j++) {
            target[j] -= factor * pivotRow[j];
          }
          b[row] -= factor * b[col];
        }
      }
    }
    for (int row = n - 1; row >= 0; row--) {
      double sum = b[row];
      for (int j = row + 1; j < n; j++) {
        sum -= a[row][j] * b[j];
      }
      b[row] = sum / a[row][row];
    }
    return true;
  }
}
