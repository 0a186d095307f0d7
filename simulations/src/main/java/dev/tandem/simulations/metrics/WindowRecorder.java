package dev.tandem.simulations.metrics;

import dev.tandem.config.policy.Role;
import dev.tandem.simulations.cluster.Cluster;
import dev.tandem.simulations.cluster.EngineState;
import dev.tandem.simulations.report.IntervalRow;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Fixed windows {@code [k·w, (k+1)·w)} of simulated time: the per-interval time series and the
 * input of SLA attainment. A window is closed by {@link #closeUpTo} before the first event at or
 * after its end is processed, so the replica counts and GPU integral it reads are those at its end.
 *
 * <p>SLA rule per window (the handbook's): it counts when it observed at least one TTFT or ITL; it
 * is met when the TTFT at the SLA's TTFT percentile is ≤ the TTFT target (or no TTFT was observed)
 * and the same holds for ITL.
 */
public final class WindowRecorder {

  private final long windowMicros;
  private final SlaTargets sla;
  private final long measureFromMicros;
  private final Histogram ttft = LatencyHistograms.create(3);
  private final Histogram itl = LatencyHistograms.create(3);
  private final List<IntervalRow> rows = new ArrayList<>();
  private long windowStart;
  private long arrivals;
  private long inputTokens;
  private long outputTokens;
  private long completions;
  private long gpuMicrosAtStart;
  private long countedWindows;
  private long metWindows;
  private long ttftMetWindows;
  private long itlMetWindows;

  public WindowRecorder(long windowMicros, SlaTargets sla) {
    this(windowMicros, sla, 0);
  }

  /**
   * @param measureFromMicros windows that begin before this are a warm-up: they are in {@link
   *     #rows}, judged as any other (a search over schedules keeps them met, so the judged part
   *     does not start behind), and in none of the counts
   */
  public WindowRecorder(long windowMicros, SlaTargets sla, long measureFromMicros) {
    if (windowMicros <= 0) {
      throw new IllegalArgumentException("window must be > 0 µs, got " + windowMicros);
    }
    this.windowMicros = windowMicros;
    this.sla = sla;
    this.measureFromMicros = measureFromMicros;
  }

  /** End of the current window, µs. */
  public long currentEnd() {
    return windowStart + windowMicros;
  }

  /** An arrival with its ISL and OSL (the load the time series shows per role). */
  public void arrival(int inputTokens, int outputTokens) {
    arrivals++;
    this.inputTokens += inputTokens;
    this.outputTokens += outputTokens;
  }

  public void firstToken(long ttftMicros) {
    LatencyHistograms.record(ttft, ttftMicros);
  }

  /** A completion; {@code itlMicros < 0} when the request had no inter-token gap (OSL ≤ 1). */
  public void completion(long itlMicros) {
    completions++;
    if (itlMicros >= 0) {
      LatencyHistograms.record(itl, itlMicros);
    }
  }

  /** Closes every window that ends at or before {@code now}. */
  public void closeUpTo(long now, Cluster cluster) {
    while (now >= windowStart + windowMicros) {
      close(windowStart + windowMicros, cluster);
    }
  }

  /** Closes the last, possibly partial window at the end of the run. */
  public void finish(long end, Cluster cluster) {
    closeUpTo(end, cluster);
    if (end > windowStart) {
      close(end, cluster);
    }
  }

  private void close(long end, Cluster cluster) {
    boolean counted = ttft.getTotalCount() > 0 || itl.getTotalCount() > 0;
    boolean ttftOk =
        ttft.getTotalCount() == 0
            || ttft.getValueAtPercentile(sla.ttftPercentile()) <= sla.ttftTargetMicros();
    boolean itlOk =
        itl.getTotalCount() == 0
            || itl.getValueAtPercentile(sla.itlPercentile()) <= sla.itlTargetMicros();
    boolean met = counted && ttftOk && itlOk;
    if (counted && windowStart >= measureFromMicros) {
      countedWindows++;
      if (met) {
        metWindows++;
      }
      if (ttftOk) {
        ttftMetWindows++;
      }
      if (itlOk) {
        itlMetWindows++;
      }
    }
    long gpuMicros = cluster.integralGpuMicros(end);
    rows.add(
        new IntervalRow(
            windowStart / 1e6,
            end / 1e6,
            arrivals,
            inputTokens,
            outputTokens,
            completions,
            LatencyHistograms.percentileMillis(ttft, 50),
            LatencyHistograms.percentileMillis(ttft, 90),
            LatencyHistograms.percentileMillis(ttft, 99),
            LatencyHistograms.percentileMillis(itl, 50),
            LatencyHistograms.percentileMillis(itl, 90),
            LatencyHistograms.percentileMillis(itl, 99),
            counted,
            met,
            counted && ttftOk,
            counted && itlOk,
            cluster.count(Role.PREFILL, EngineState.READY),
            cluster.count(Role.PREFILL, EngineState.STARTING),
            cluster.count(Role.PREFILL, EngineState.DRAINING),
            cluster.count(Role.DECODE, EngineState.READY),
            cluster.count(Role.DECODE, EngineState.STARTING),
            cluster.count(Role.DECODE, EngineState.DRAINING),
            (gpuMicros - gpuMicrosAtStart) / (double) (end - windowStart)));
    gpuMicrosAtStart = gpuMicros;
    windowStart = end;
    arrivals = 0;
    inputTokens = 0;
    outputTokens = 0;
    completions = 0;
    ttft.reset();
    itl.reset();
  }

  public List<IntervalRow> rows() {
    return List.copyOf(rows);
  }

  /** Windows that observed a latency. */
  public long countedWindows() {
    return countedWindows;
  }

  /** Counted windows in which every percentile target held. */
  public long metWindows() {
    return metWindows;
  }

  /** Counted windows whose TTFT percentile held (whatever the ITL did). */
  public long ttftMetWindows() {
    return ttftMetWindows;
  }

  /** Counted windows whose ITL percentile held (whatever the TTFT did). */
  public long itlMetWindows() {
    return itlMetWindows;
  }
}
