package dev.tandem.planner.sizing;

/**
 * The fewest decode engines d with λ / d ≤ λ_e* ({@link DecodeModel#capacity}): the load splits
 * evenly across engines and each carries at most its capacity at the ITL target. When the target is
 * below what one request alone sees, it is relaxed to 1.25 × the batch-1 ITL and the result says
 * so.
 */
public final class DecodeSizer {

  private DecodeSizer() {}

  public static DecodeSizing size(
      double rate, DecodeModel model, double itlTargetMillis, int limit) {
    double target = itlTargetMillis;
    double perEngine = model.capacity(target);
    boolean reachable = perEngine > 0;
    if (!reachable) {
      target = 1.25 * model.floorMillis();
      perEngine = model.capacity(target);
    }
    DecodeModel.Bounded batch = model.largestBatch(target);
    int max = Math.max(1, limit);
    if (rate <= 0) {
      return new DecodeSizing(
          0, true, reachable, target, perEngine, batch.sequences(), batch.bound());
    }
    if (perEngine <= 0) {
      return new DecodeSizing(max, false, reachable, target, 0, batch.sequences(), batch.bound());
    }
    double needed = Math.ceil(rate / perEngine - 1e-9);
    boolean met = needed <= max;
    int engines = met ? (int) needed : max;
    return new DecodeSizing(
        engines, met, reachable, target, perEngine, batch.sequences(), batch.bound());
  }
}
