package dev.tandem.profiles.report;

import static dev.tandem.profiles.interpolation.Numbers.compact;

import dev.tandem.profiles.capacity.DecodeCapacity;
import dev.tandem.profiles.capacity.PrefillCapacity;
import dev.tandem.profiles.capacity.ProfileCapacity;
import dev.tandem.profiles.check.Finding;
import dev.tandem.profiles.check.ProfileChecks;
import dev.tandem.profiles.interpolation.Estimate;
import dev.tandem.profiles.model.DecodePoint;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.profiles.model.PrefillPoint;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text report of one profile for {@code tandem profile show}: the measured curves, an ITL
 * grid, capacity tables per engine and the plausibility findings. Pure: profile in, text out.
 *
 * <p>Markers: {@code ~} extrapolated beyond the largest measured point, {@code <} clamped to the
 * smallest, {@code >} clamped to the largest; no marker means measured or interpolated.
 */
public final class ProfileReport {

  /** ITL targets (ms) of the decode capacity table. */
  public static final List<Double> ITL_TARGETS = List.of(5.0, 10.0, 15.0, 20.0, 30.0);

  /** Output lengths (tokens) for requests/s in the decode capacity table. */
  public static final List<Integer> OUTPUT_LENGTHS = List.of(150, 300, 500);

  /** Input lengths (tokens) of the prefill capacity table. */
  public static final List<Integer> INPUT_LENGTHS = List.of(512, 1024, 2048, 4096, 8192, 16384);

  /** Concurrency columns of the ITL grid. */
  public static final List<Integer> GRID_CONCURRENCY = List.of(1, 8, 32, 64, 128, 256, 512, 1024);

  private ProfileReport() {}

  public static String render(PerformanceProfile p) {
    ProfileCapacity capacity = new ProfileCapacity(p);
    StringBuilder out = new StringBuilder();
    header(out, p);
    prefill(out, p, capacity);
    decode(out, p, capacity);
    findings(out, ProfileChecks.check(p));
    return out.toString();
  }

  private static void header(StringBuilder out, PerformanceProfile p) {
    line(out, "Profile %s", p.metadata().name());
    line(
        out,
        "  GPU %s%s; model %s%s%s",
        p.gpu().type(),
        p.gpu().peakFlopsPerSecond().map(v -> " (peak " + compact(v) + " FLOP/s)").orElse(""),
        p.model().name(),
        p.model().parameters().map(v -> ", " + compact(v) + " parameters").orElse(""),
        p.model().dtype().map(d -> ", " + d).orElse(""));
    line(
        out,
        "  engine %s %s, TP%d, %d GPU(s) per engine; KV capacity %d tokens%s%s",
        p.engine().name(),
        p.engine().version(),
        p.engine().tensorParallelSize(),
        p.engine().gpusPerEngine(),
        p.engine().kvCapacityTokens(),
        p.engine().maxSequences().map(v -> "; max sequences " + v).orElse(""),
        p.engine().maxBatchedTokens().map(v -> "; max batched tokens " + v).orElse(""));
    if (!p.metadata().source().isEmpty()) {
      line(out, "  source: %s", p.metadata().source().replace("\n", " "));
    }
    out.append('\n');
  }

  private static void prefill(StringBuilder out, PerformanceProfile p, ProfileCapacity capacity) {
    line(out, "Prefill, measured at batch 1");
    line(out, "  %8s %10s %16s %14s", "ISL", "TTFT ms", "tokens/s/engine", "tokens/s/GPU");
    for (PrefillPoint x : p.prefill()) {
      line(
          out,
          "  %8d %10.2f %16.0f %14.0f",
          x.inputTokens(),
          x.ttftMillis(),
          x.inputTokens() / (x.ttftMillis() / 1000.0),
          x.tokensPerSecondPerGpu());
    }
    out.append('\n');
    line(out, "Prefill capacity per engine (one request at a time, service time = TTFT)");
    line(out, "  %8s %11s %16s %18s", "ISL", "TTFT ms", "tokens/s/engine", "requests/s/engine");
    for (int isl : INPUT_LENGTHS) {
      PrefillCapacity c = capacity.prefill(isl);
      line(
          out,
          "  %8d %10.2f%s %16.0f %18.2f",
          isl,
          c.ttftMillis().value(),
          marker(c.ttftMillis()),
          c.tokensPerSecondPerEngine(),
          c.requestsPerSecondPerEngine());
    }
    out.append('\n');
  }

  private static void decode(StringBuilder out, PerformanceProfile p, ProfileCapacity capacity) {
    line(out, "Decode, measured points (concurrency = kvUsage × KV capacity / context)");
    for (double context : p.decodeContexts()) {
      StringBuilder row = new StringBuilder();
      for (DecodePoint x : p.decodeAt(context)) {
        row.append(String.format(Locale.ROOT, " %s:%.2f", compact(x.concurrency()), x.itlMillis()));
      }
      line(out, "  context %6s  concurrency:ITL ms%s", compact(context), row);
    }
    out.append('\n');
    line(
        out, "Decode ITL ms by context × concurrency (monotone envelope; - = exceeds KV capacity)");
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %8s", "context"));
    GRID_CONCURRENCY.forEach(c -> head.append(String.format(Locale.ROOT, " %8d", c)));
    line(out, "%s", head);
    for (double context : p.decodeContexts()) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %8s", compact(context)));
      for (int c : GRID_CONCURRENCY) {
        if (c * context > p.engine().kvCapacityTokens()) {
          row.append(String.format(Locale.ROOT, " %8s", "-"));
        } else {
          Estimate e = capacity.itlMillis(c, context);
          row.append(String.format(Locale.ROOT, " %7.2f%s", e.value(), marker(e)));
        }
      }
      line(out, "%s", row);
    }
    out.append('\n');
    line(out, "Decode capacity per engine: largest concurrency meeting the ITL target");
    StringBuilder capHead =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "  %7s %8s %11s %-13s %8s %15s",
                "ITL ≤",
                "context",
                "concurrency",
                "bound",
                "ITL ms",
                "tokens/s/engine"));
    OUTPUT_LENGTHS.forEach(o -> capHead.append(String.format(Locale.ROOT, " %11s", "req/s@" + o)));
    line(out, "%s", capHead);
    for (double target : ITL_TARGETS) {
      for (double context : p.decodeContexts()) {
        DecodeCapacity d = capacity.decode(target, context);
        StringBuilder row =
            new StringBuilder(
                String.format(
                    Locale.ROOT,
                    "  %7s %8s %11d %-13s %7.2f%s %15.0f",
                    compact(target),
                    compact(context),
                    d.maxConcurrency(),
                    d.bound(),
                    d.itlMillis().value(),
                    marker(d.itlMillis()),
                    d.outputTokensPerSecondPerEngine()));
        OUTPUT_LENGTHS.forEach(
            o -> row.append(String.format(Locale.ROOT, " %11.2f", d.requestsPerSecond(o))));
        line(out, "%s", row);
      }
    }
    out.append('\n');
  }

  private static void findings(StringBuilder out, List<Finding> findings) {
    line(out, "Checks: %d finding(s)", findings.size());
    findings.forEach(f -> line(out, "  %s", f));
  }

  private static String marker(Estimate e) {
    if (e.isExtrapolated()) {
      return "~";
    }
    return e.axes().stream()
        .map(
            a ->
                switch (a.placement()) {
                  case CLAMPED_BELOW -> "<";
                  case CLAMPED_ABOVE -> ">";
                  default -> "";
                })
        .filter(s -> !s.isEmpty())
        .findFirst()
        .orElse(" ");
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
