package dev.tandem.planner.budget;

/**
 * Engines per role within a GPU budget.
 *
 * @param prefill prefill engines
 * @param decode decode engines
 * @param outcome whether the budget bound, and how
 * @param servedRate min(prefill capacity, decode capacity) at this allocation, requests/s (NaN when
 *     the budget did not bind and it was not computed)
 */
public record Allocation(int prefill, int decode, Outcome outcome, double servedRate) {

  /** How the budget shaped the allocation. */
  public enum Outcome {
    /** Both needs fit. */
    FITS,
    /** The budget binds: engines went to the bottleneck role first. */
    CAPPED,
    /** The minimums alone exceed the budget. */
    MINIMUMS_DO_NOT_FIT
  }
}
