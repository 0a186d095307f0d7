package dev.tandem.simulations.compare;

import dev.tandem.simulations.policy.ReplicaTargets;
import dev.tandem.simulations.report.RunSummary;
import dev.tandem.simulations.scenario.PolicyContext;
import java.util.Map;

/**
 * The fixed splits a request-level frontier needs when no split reaches the target window
 * attainment (an unattainable target): the best-static search then only doubles its way to the
 * limits (2, 4, 8, 12 prefill engines), too far apart to read the GPU-hours of a given share of
 * requests from. This sweep runs every prefill count P = 1, 2, … with the decode count D that meets
 * the ITL windows (the fewest decode engines of any split run whose ITL window attainment reached
 * the target) and one more, until the share of requests meeting both thresholds stops rising (less
 * than {@value #SATURATION} over two steps of P) or the limits stop it.
 */
final class RequestSweep {

  /** A rise in the share of good requests smaller than this is no rise. */
  static final double SATURATION = 0.005;

  private RequestSweep() {}

  static void run(PolicyContext ctx) {
    ctx.memo(
        "request-sweep",
        () -> {
          int decode = decodeMeetingItl(ctx);
          int limit = ctx.config().cluster().limits().maxReplicas();
          double best = -1;
          int flat = 0;
          for (int p = 1; p <= limit && flat < 2; p++) {
            double share = -1;
            for (int d = decode; d <= decode + 1 && d <= limit; d++) {
              share = Math.max(share, both(Evaluator.runStatic(ctx, p, d)));
            }
            flat = share > best + SATURATION ? 0 : flat + 1;
            best = Math.max(best, share);
          }
          return Boolean.TRUE;
        });
  }

  /**
   * The fewest decode engines that met the ITL windows at the largest prefill count run that any
   * did: fewer prefill engines throttle the load decode sees (one prefill engine lets two decode
   * engines meet every ITL window), so the split with the most prefill is the honest test.
   */
  static int decodeMeetingItl(PolicyContext ctx) {
    int mostPrefill = 0;
    int fewest = 1;
    for (Map.Entry<ReplicaTargets, RunSummary> e : Evaluator.staticRuns(ctx).entrySet()) {
      if (Evaluator.nanToZero(e.getValue().itlSlaAttainment()) < ctx.targetAttainment()) {
        continue;
      }
      int p = e.getKey().prefill();
      int d = e.getKey().decode();
      if (p > mostPrefill || (p == mostPrefill && d < fewest)) {
        mostPrefill = p;
        fewest = d;
      }
    }
    return fewest;
  }

  private static double both(RunSummary s) {
    return Evaluator.nanToZero(s.bothAttainment());
  }
}
