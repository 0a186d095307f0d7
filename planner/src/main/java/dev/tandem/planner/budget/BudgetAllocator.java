package dev.tandem.planner.budget;

/**
 * Fits prefill and decode engines into a GPU budget. When both needs fit they are granted as they
 * are. When the budget binds, the pipeline serves min(prefill capacity, decode capacity) at the
 * SLA, so a proportional shrink wastes GPUs on the role that is not the bottleneck. Instead, from
 * the minimums, engines are added one at a time to the role whose capacity (at its current count)
 * is lower, as long as it is below its need and the engine fits:
 *
 * <pre>
 *   maximise  min(Cap_p(p), Cap_d(d))   s.t.  p·g_p + d·g_d ≤ B,  min ≤ p ≤ need_p,  min ≤ d ≤ need_d
 * </pre>
 *
 * Greedy is optimal for this max-min problem: the minimum only rises by raising the lower term, and
 * raising the other never helps. It stops when the bottleneck's next engine does not fit (GPUs that
 * would not raise SLA throughput are left for others in the pool). Never above the budget, never
 * below a minimum; when the minimums alone exceed the budget the result says so and the caller
 * keeps the current counts.
 *
 * <p><b>Near ties keep the current split.</b> When another split serves within {@value #TIE} of the
 * best (relative) and moves fewer engines from the current counts, it is taken instead; running
 * decode engines that do not raise the minimum but fit are kept rather than removed. The capacities
 * move by a few percent from tick to tick with the forecast and the learned k; on the simulator's
 * sinusoid 38.8 vs 38.9 req/s flipped an 8-GPU budget between 5P/3D and 4P/4D on three ticks in a
 * row, and every flip removed an engine that was still starting while the other role waited for its
 * GPU to drain.
 */
public final class BudgetAllocator {

  /** Relative shortfall in served rate that still counts as a tie with the best split. */
  public static final double TIE = 0.02;

  private BudgetAllocator() {}

  /** The best split, with no preference for any current counts. */
  public static Allocation allocate(RoleDemand prefill, RoleDemand decode, int budgetGpus) {
    return allocate(prefill, decode, budgetGpus, -1, -1);
  }

  /**
   * The best split; among splits within {@link #TIE} of it, the one closest to the current counts
   * {@code currentPrefill}, {@code currentDecode} (negative: no preference).
   */
  public static Allocation allocate(
      RoleDemand prefill,
      RoleDemand decode,
      int budgetGpus,
      int currentPrefill,
      int currentDecode) {
    if (prefill.needGpus() + decode.needGpus() <= budgetGpus) {
      return new Allocation(prefill.need(), decode.need(), Allocation.Outcome.FITS, Double.NaN);
    }
    if (prefill.minimumGpus() + decode.minimumGpus() > budgetGpus) {
      return new Allocation(
          prefill.minReplicas(),
          decode.minReplicas(),
          Allocation.Outcome.MINIMUMS_DO_NOT_FIT,
          Double.NaN);
    }
    int p = prefill.minReplicas();
    int d = decode.minReplicas();
    int used = p * prefill.gpusPerReplica() + d * decode.gpusPerReplica();
    double capP = prefill.capacity().applyAsDouble(p);
    double capD = decode.capacity().applyAsDouble(d);
    while (true) {
      boolean canP = p < prefill.need();
      boolean canD = d < decode.need();
      boolean growPrefill = canP && (!canD || capP <= capD);
      if (!canP && !canD) {
        break;
      }
      RoleDemand role = growPrefill ? prefill : decode;
      if (used + role.gpusPerReplica() > budgetGpus) {
        break;
      }
      used += role.gpusPerReplica();
      if (growPrefill) {
        p++;
        capP = prefill.capacity().applyAsDouble(p);
      } else {
        d++;
        capD = decode.capacity().applyAsDouble(d);
      }
    }
    Allocation best = new Allocation(p, d, Allocation.Outcome.CAPPED, Math.min(capP, capD));
    return currentPrefill < 0 || currentDecode < 0
        ? best
        : steadiest(prefill, decode, budgetGpus, best, currentPrefill, currentDecode);
  }

  /**
   * Among splits serving at least (1 − {@link #TIE}) of {@code best}, the one that moves the fewest
   * engines from the current counts (then the higher served rate, then fewer GPUs). Each candidate
   * prefill count takes the fewest decode engines that reach what it can serve, or the current
   * decode count when that is more and fits: on the simulator's sinusoid at its crest 4P/3D and
   * 4P/4D both served 43.5 req/s under 8 GPUs, and taking the fewest removed a running decode
   * engine at 4P/4D (one move) only to add it back 30 s later, losing the window between.
   */
  private static Allocation steadiest(
      RoleDemand prefill,
      RoleDemand decode,
      int budgetGpus,
      Allocation best,
      int currentPrefill,
      int currentDecode) {
    double floor = best.servedRate() * (1 - TIE);
    Allocation chosen = best;
    int chosenMoves = moves(best, currentPrefill, currentDecode);
    for (int p = prefill.minReplicas(); p <= prefill.need() && chosenMoves > 0; p++) {
      int room = budgetGpus - p * prefill.gpusPerReplica();
      if (room < decode.minimumGpus()) {
        break;
      }
      double capP = prefill.capacity().applyAsDouble(p);
      if (capP < floor) {
        continue;
      }
      int dMax =
          decode.gpusPerReplica() == 0
              ? decode.need()
              : Math.min(decode.need(), room / decode.gpusPerReplica());
      int d = decode.minReplicas();
      double capD = decode.capacity().applyAsDouble(d);
      while (d < dMax && capD < capP) {
        d++;
        capD = decode.capacity().applyAsDouble(d);
      }
      // decode engines beyond those that reach what prefill serves add nothing to the minimum,
      // but removing running ones is a move: keep the current count where it fits
      if (currentDecode > d && d < dMax) {
        d = Math.min(currentDecode, dMax);
        capD = decode.capacity().applyAsDouble(d);
      }
      double served = Math.min(capP, capD);
      if (served < floor) {
        continue;
      }
      Allocation candidate = new Allocation(p, d, Allocation.Outcome.CAPPED, served);
      int m = moves(candidate, currentPrefill, currentDecode);
      if (m < chosenMoves) {
        chosen = candidate;
        chosenMoves = m;
      }
    }
    return chosen;
  }

  private static int moves(Allocation a, int currentPrefill, int currentDecode) {
    return Math.abs(a.prefill() - currentPrefill) + Math.abs(a.decode() - currentDecode);
  }
}
