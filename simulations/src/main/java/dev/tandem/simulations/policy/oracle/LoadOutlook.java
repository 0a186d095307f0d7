package dev.tandem.simulations.policy.oracle;

import dev.tandem.simulations.arrivals.ArrivalSource;
import dev.tandem.simulations.arrivals.ArrivalStream;
import java.util.Arrays;

/**
 * The whole future load of a run, binned: what a clairvoyant policy knows. One pass over the same
 * arrivals the simulation will replay (same stream, same seed), summed per bin of {@code
 * binMicros}: requests, Σ ISL, Σ (OSL − 1) (decode tokens to generate), Σ (ISL + OSL/2) (mean
 * decode context) and Σ (ISL + OSL)·(OSL − 1) (KV-token·steps held while decoding).
 */
public final class LoadOutlook {

  private final long binMicros;
  private long[] requests = new long[64];
  private double[] inputTokens = new double[64];
  private double[] decodeTokens = new double[64];
  private double[] contextTokens = new double[64];
  private double[] kvTokenSteps = new double[64];
  private int bins;
  private long totalRequests;
  private double totalInput;
  private double totalOutput;

  private LoadOutlook(long binMicros) {
    this.binMicros = binMicros;
  }

  /** Scans {@code stream.open(seed)} once. */
  public static LoadOutlook scan(ArrivalStream stream, long seed, long binMicros) {
    return scan(stream, seed, binMicros, Long.MAX_VALUE);
  }

  /**
   * Scans the arrivals before {@code endMicros} only (e.g. the first minutes, for a warm start).
   */
  public static LoadOutlook scan(ArrivalStream stream, long seed, long binMicros, long endMicros) {
    if (binMicros <= 0) {
      throw new IllegalArgumentException("binMicros must be > 0, got " + binMicros);
    }
    LoadOutlook o = new LoadOutlook(binMicros);
    ArrivalSource s = stream.open(seed);
    while (s.advance() && s.arrivalMicros() < endMicros) {
      o.add(s.arrivalMicros(), s.inputTokens(), s.outputTokens());
    }
    return o;
  }

  private void add(long t, int isl, int osl) {
    int b = (int) (t / binMicros);
    if (b >= requests.length) {
      int size = Math.max(b + 1, requests.length * 2);
      requests = Arrays.copyOf(requests, size);
      inputTokens = Arrays.copyOf(inputTokens, size);
      decodeTokens = Arrays.copyOf(decodeTokens, size);
      contextTokens = Arrays.copyOf(contextTokens, size);
      kvTokenSteps = Arrays.copyOf(kvTokenSteps, size);
    }
    bins = Math.max(bins, b + 1);
    int steps = Math.max(0, osl - 1);
    requests[b]++;
    inputTokens[b] += isl;
    decodeTokens[b] += steps;
    contextTokens[b] += isl + osl / 2.0;
    kvTokenSteps[b] += ((double) isl + Math.max(1, osl)) * steps;
    totalRequests++;
    totalInput += isl;
    totalOutput += osl;
  }

  public long binMicros() {
    return binMicros;
  }

  /** Bins up to the one of the last arrival. */
  public int bins() {
    return bins;
  }

  public long requests(int bin) {
    return bin < bins ? requests[bin] : 0;
  }

  /** Σ ISL of the bin's arrivals, tokens. */
  public double inputTokens(int bin) {
    return bin < bins ? inputTokens[bin] : 0;
  }

  /** Σ (OSL − 1) of the bin's arrivals: decode steps to run, tokens. */
  public double decodeTokens(int bin) {
    return bin < bins ? decodeTokens[bin] : 0;
  }

  /** Mean ISL + OSL/2 of the bin's arrivals, tokens (0 when empty). */
  public double meanContextTokens(int bin) {
    return bin < bins && requests[bin] > 0 ? contextTokens[bin] / requests[bin] : 0;
  }

  /** Σ (ISL + OSL)·(OSL − 1) of the bin's arrivals: KV tokens held × decode steps. */
  public double kvTokenSteps(int bin) {
    return bin < bins ? kvTokenSteps[bin] : 0;
  }

  public long totalRequests() {
    return totalRequests;
  }

  /** Mean ISL over the run, tokens (NaN without requests). */
  public double meanInputTokens() {
    return totalRequests > 0 ? totalInput / totalRequests : Double.NaN;
  }

  /** Mean OSL over the run, tokens (NaN without requests). */
  public double meanOutputTokens() {
    return totalRequests > 0 ? totalOutput / totalRequests : Double.NaN;
  }
}
