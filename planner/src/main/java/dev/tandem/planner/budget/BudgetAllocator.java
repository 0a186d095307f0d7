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
 */
public final class BudgetAllocator {

  private BudgetAllocator() {}

  public static Allocation allocate(RoleDemand prefill, RoleDemand decode, int budgetGpus) {
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
    return new Allocation(p, d, Allocation.Outcome.CAPPED, Math.min(capP, capD));
  }
}
