package dev.tandem.simulations.export;

import java.util.ArrayList;
import java.util.List;

/** Histogram bucket bounds of the engines, as their sources define them (see METRICS.md). */
final class Buckets {

  private Buckets() {}

  /** vLLM V1 TTFT, seconds (0.001 … 2560). */
  static final double[] VLLM_TTFT = {
    0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0,
    20.0, 40.0, 80.0, 160.0, 640.0, 2560.0
  };

  /** vLLM V1 inter-token latency and per-request time per output token, seconds (0.01 … 80). */
  static final double[] VLLM_ITL = {
    0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0, 20.0,
    40.0, 80.0
  };

  /** vLLM V1 end-to-end latency, seconds (0.3 … 7680). */
  static final double[] VLLM_E2E = {
    0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0, 60.0, 120.0, 240.0,
    480.0, 960.0, 1920.0, 7680.0
  };

  /** SGLang TTFT default, seconds (0.1 … 400). */
  static final double[] SGLANG_TTFT = {
    0.1, 0.2, 0.4, 0.6, 0.8, 1, 2, 4, 6, 8, 10, 20, 40, 60, 80, 100, 200, 400
  };

  /** SGLang inter-token latency, seconds. */
  static final double[] SGLANG_ITL = {
    0.002, 0.004, 0.006, 0.008, 0.010, 0.015, 0.020, 0.025, 0.030, 0.035, 0.040, 0.060, 0.080,
    0.100, 0.200, 0.400, 0.600, 0.800, 1.0, 2.0, 4.0, 6.0, 8.0
  };

  /** SGLang end-to-end latency, seconds (0.1 … 2400). */
  static final double[] SGLANG_E2E = {
    0.1, 0.2, 0.4, 0.6, 0.8, 1, 2, 4, 6, 8, 10, 20, 40, 60, 80, 100, 200, 400, 800, 1200, 2400
  };

  /** vLLM's 1-2-5 series up to {@code max}: 1, 2, 5, 10, 20, 50, … (token-count histograms). */
  static double[] oneTwoFive(double max) {
    List<Double> b = new ArrayList<>();
    for (double decade = 1; decade <= max; decade *= 10) {
      for (double m : new double[] {1, 2, 5}) {
        if (m * decade <= max) {
          b.add(m * decade);
        }
      }
    }
    return b.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** SGLang's token-count buckets: 100 … 1.1 M in a 1-2-5 pattern plus the top. */
  static double[] sglangTokens() {
    double[] base = oneTwoFive(1_000_000);
    List<Double> b = new ArrayList<>();
    for (double v : base) {
      if (v >= 100) {
        b.add(v);
      }
    }
    b.add(1_100_000.0);
    return b.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * Dynamo's log-spaced buckets: {@code count} bounds from {@code min} to {@code max}, geometric,
   * rounded to 3 significant digits.
   */
  static double[] logSpaced(double min, double max, int count) {
    double[] b = new double[count];
    for (int i = 0; i < count; i++) {
      double v = min * Math.pow(max / min, i / (double) (count - 1));
      b[i] = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v));
    }
    return b;
  }
}
