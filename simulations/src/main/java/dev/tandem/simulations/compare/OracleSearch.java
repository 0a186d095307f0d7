package dev.tandem.simulations.compare;

import dev.tandem.simulations.policy.oracle.OraclePolicy;
import dev.tandem.simulations.report.RunSummary;
import dev.tandem.simulations.scenario.PolicyContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The oracle's frontier and its run at the target attainment. The oracle's counts per bin follow
 * from its utilisation knob ρ ({@link dev.tandem.simulations.policy.oracle.OracleSizing}); each ρ
 * in {@link #UTILISATIONS} is one full run, and the runs form the oracle frontier: the fewest
 * GPU-hours a clairvoyant sizing needs for each attainment. The oracle in the table is the cheapest
 * run reaching the target (else the best attainment reached).
 */
public final class OracleSearch {

  /**
   * ρ values tried, from generous to tight; above 1 the oracle plans past the full-batch capacity
   * (the frontier then reaches down to low attainments too).
   */
  static final double[] UTILISATIONS = {0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.15, 1.3};

  /** Decisions every minute, aligned with the SLA windows. */
  public static final long INTERVAL_MICROS = 60_000_000L;

  private OracleSearch() {}

  /** The chosen ρ and every run (the oracle frontier's points). */
  public record Result(double utilisation, boolean reachedTarget, List<FrontierPoint> runs) {}

  /** The oracle at utilisation ρ (both roles) for this context. */
  public static OraclePolicy policy(PolicyContext ctx, double utilisation) {
    return new OraclePolicy(
        ctx.outlook(),
        ctx.sizing(),
        ctx.config().startupMicros(),
        INTERVAL_MICROS,
        utilisation,
        utilisation);
  }

  /** Sweeps ρ (memoised per context). */
  public static Result find(PolicyContext ctx) {
    return ctx.memo("oracle", () -> search(ctx));
  }

  private static Result search(PolicyContext ctx) {
    List<FrontierPoint> points = new ArrayList<>();
    double chosen = Double.NaN;
    double chosenCost = Double.POSITIVE_INFINITY;
    double bestAttainment = -1;
    double bestRho = UTILISATIONS[0];
    for (double rho : UTILISATIONS) {
      String label = String.format(Locale.ROOT, "oracle-u%.2f", rho);
      RunSummary s = Evaluator.run(ctx, label, policy(ctx, rho));
      FrontierPoint p = Evaluator.point(label, s);
      points.add(p);
      if (p.attainment() >= ctx.targetAttainment() && p.gpuHours() < chosenCost) {
        chosen = rho;
        chosenCost = p.gpuHours();
      }
      if (p.attainment() > bestAttainment) {
        bestAttainment = p.attainment();
        bestRho = rho;
      }
    }
    boolean reached = !Double.isNaN(chosen);
    return new Result(reached ? chosen : bestRho, reached, points);
  }
}
