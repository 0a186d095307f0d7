package dev.tandem.planner.sizing;

/**
 * Erlang's C formula, the probability that an arrival waits in an M/M/c queue, computed by the
 * numerically stable Erlang-B recursion (no factorials, no powers; stable for thousands of
 * servers):
 *
 * <pre>
 *   B(0) = 1,   B(n) = a·B(n−1) / (n + a·B(n−1))        a = λ/μ, offered load in Erlangs
 *   C(c) = B(c) / (1 − ρ (1 − B(c)))                    ρ = a/c &lt; 1
 * </pre>
 */
public final class ErlangC {

  private ErlangC() {}

  /** Erlang B with {@code c} servers and offered load {@code a}. */
  public static double blocking(int c, double a) {
    double b = 1;
    for (int n = 1; n <= c; n++) {
      b = a * b / (n + a * b);
    }
    return b;
  }

  /** Erlang C from Erlang B; 1 when ρ ≥ 1 (every arrival waits, the queue grows). */
  public static double fromBlocking(double blocking, int c, double a) {
    double rho = a / c;
    if (rho >= 1) {
      return 1;
    }
    return blocking / (1 - rho * (1 - blocking));
  }

  /** P(wait &gt; 0) with {@code c} servers and offered load {@code a}. */
  public static double waitProbability(int c, double a) {
    return fromBlocking(blocking(c, a), c, a);
  }
}
