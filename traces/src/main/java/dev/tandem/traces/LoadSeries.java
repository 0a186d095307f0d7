package dev.tandem.traces;

import java.util.Arrays;

/**
 * A load series at a fixed resolution: bin i covers [startMicros + i·stepMicros, startMicros +
 * (i+1)·stepMicros).
 *
 * @param startMicros start of bin 0, µs since the trace start
 * @param stepMicros bin width, µs (&gt; 0)
 * @param rate arrivals per second in the bin (count / step); NaN where missing
 * @param islMean mean input length of the bin's requests, tokens; NaN with no requests or unknown
 * @param islM2 second moment E[ISL²] of the bin's requests, tokens²; NaN with no requests or
 *     unknown
 * @param oslMean mean output length, tokens; NaN as above
 * @param oslM2 second moment E[OSL²], tokens²; NaN as above
 * @param missing true where the bin has no data at all (a collection gap, not zero traffic)
 */
public record LoadSeries(
    long startMicros,
    long stepMicros,
    double[] rate,
    double[] islMean,
    double[] islM2,
    double[] oslMean,
    double[] oslM2,
    boolean[] missing) {

  public LoadSeries {
    if (stepMicros <= 0) {
      throw new IllegalArgumentException("stepMicros must be > 0, got " + stepMicros);
    }
    int n = rate.length;
    if (islMean.length != n
        || islM2.length != n
        || oslMean.length != n
        || oslM2.length != n
        || missing.length != n) {
      throw new IllegalArgumentException("all arrays of a LoadSeries must have length " + n);
    }
    rate = rate.clone();
    islMean = islMean.clone();
    islM2 = islM2.clone();
    oslMean = oslMean.clone();
    oslM2 = oslM2.clone();
    missing = missing.clone();
  }

  /** Number of bins. */
  public int size() {
    return rate.length;
  }

  /** Bin width in seconds. */
  public double stepSeconds() {
    return stepMicros / 1e6;
  }

  /** Rate of bin i, req/s (NaN when missing); no copy. */
  public double rateAt(int i) {
    return rate[i];
  }

  /** Whether bin i is missing; no copy. */
  public boolean isMissing(int i) {
    return missing[i];
  }

  /** Requests in bin i (rate × step), NaN when missing. */
  public double countAt(int i) {
    return rate[i] * stepSeconds();
  }

  /** Bins [from, to) as a new series. */
  public LoadSeries slice(int from, int to) {
    return new LoadSeries(
        startMicros + from * stepMicros,
        stepMicros,
        Arrays.copyOfRange(rate, from, to),
        Arrays.copyOfRange(islMean, from, to),
        Arrays.copyOfRange(islM2, from, to),
        Arrays.copyOfRange(oslMean, from, to),
        Arrays.copyOfRange(oslM2, from, to),
        Arrays.copyOfRange(missing, from, to));
  }

  @Override
  public double[] rate() {
    return rate.clone();
  }

  @Override
  public double[] islMean() {
    return islMean.clone();
  }

  @Override
  public double[] islM2() {
    return islM2.clone();
  }

  @Override
  public double[] oslMean() {
    return oslMean.clone();
  }

  @Override
  public double[] oslM2() {
    return oslM2.clone();
  }

  @Override
  public boolean[] missing() {
    return missing.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LoadSeries s
        && startMicros == s.startMicros
        && stepMicros == s.stepMicros
        && Arrays.equals(rate, s.rate)
        && Arrays.equals(islMean, s.islMean)
        && Arrays.equals(islM2, s.islM2)
        && Arrays.equals(oslMean, s.oslMean)
        && Arrays.equals(oslM2, s.oslM2)
        && Arrays.equals(missing, s.missing);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(startMicros) + Arrays.hashCode(rate);
  }

  @Override
  public String toString() {
    return "LoadSeries[start="
        + startMicros
        + "µs, step="
        + stepMicros
        + "µs, bins="
        + size()
        + "]";
  }
}
