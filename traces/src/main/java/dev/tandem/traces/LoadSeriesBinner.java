package dev.tandem.traces;

import java.util.Iterator;

/**
 * Bins requests into a {@link LoadSeries}: per bin the count (reported as rate = count / step,
 * req/s), and mean and second moment of ISL and OSL over the bin's requests. A bin without requests
 * has rate 0 (observed zero traffic, not missing) and NaN length moments.
 */
public final class LoadSeriesBinner {

  private LoadSeriesBinner() {}

  /** Bins from 0 up to and including the bin of the last arrival. */
  public static LoadSeries bin(Iterable<Request> requests, long stepMicros) {
    long last = -1;
    for (Request r : requests) {
      last = Math.max(last, r.arrivalMicros());
    }
    int bins = last < 0 ? 0 : (int) (last / stepMicros) + 1;
    return bin(requests.iterator(), 0, stepMicros, bins);
  }

  /** Bins [startMicros, startMicros + bins·stepMicros); requests outside are ignored. */
  public static LoadSeries bin(
      Iterator<Request> requests, long startMicros, long stepMicros, int bins) {
    if (stepMicros <= 0) {
      throw new IllegalArgumentException("stepMicros must be > 0, got " + stepMicros);
    }
    double[] count = new double[bins];
    double[] isl = new double[bins];
    double[] isl2 = new double[bins];
    double[] osl = new double[bins];
    double[] osl2 = new double[bins];
    while (requests.hasNext()) {
      Request r = requests.next();
      long offset = r.arrivalMicros() - startMicros;
      if (offset < 0 || offset / stepMicros >= bins) {
        continue;
      }
      int i = (int) (offset / stepMicros);
      count[i]++;
      isl[i] += r.inputTokens();
      isl2[i] += (double) r.inputTokens() * r.inputTokens();
      osl[i] += r.outputTokens();
      osl2[i] += (double) r.outputTokens() * r.outputTokens();
    }
    double stepSeconds = stepMicros / 1e6;
    double[] rate = new double[bins];
    for (int i = 0; i < bins; i++) {
      rate[i] = count[i] / stepSeconds;
      isl[i] /= count[i];
      isl2[i] /= count[i];
      osl[i] /= count[i];
      osl2[i] /= count[i];
    }
    // 0/0 above is NaN: the intended value for an empty bin's moments.
    return new LoadSeries(startMicros, stepMicros, rate, isl, isl2, osl, osl2, new boolean[bins]);
  }

  /** Sum of the counts of all bins that are not missing. */
  public static double totalCount(LoadSeries series) {
    double total = 0;
    for (int i = 0; i < series.size(); i++) {
      if (!series.isMissing(i)) {
        total += series.countAt(i);
      }
    }
    return total;
  }
}
