package dev.tandem.cli;

import dev.tandem.config.policy.ForecastModel;
import dev.tandem.config.yaml.Durations;
import dev.tandem.forecasting.ForecastSettings;
import dev.tandem.forecasting.Forecasters;
import dev.tandem.forecasting.backtest.Backtest;
import dev.tandem.forecasting.backtest.BacktestReport;
import dev.tandem.forecasting.backtest.BacktestRow;
import dev.tandem.planner.forecast.ForecastKinds;
import dev.tandem.traces.JsonlTraceReader;
import dev.tandem.traces.LoadSeries;
import dev.tandem.traces.LoadSeriesBinner;
import dev.tandem.traces.Request;
import dev.tandem.traces.ServeGenAggregateReader;
import dev.tandem.traces.TraceFormatException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tandem forecast backtest --trace FILE}: rolling-origin backtest of every forecaster on the
 * request rate of a trace, one table row per model and horizon.
 */
@Command(
    name = "backtest",
    description = {
      "Rolling-origin backtest of the forecasters on a trace's request rate (req/s).",
      "Traces: a ServeGen servegen_*_aggregate_600s.csv series (empty windows are missing data),",
      "an Azure LLM 2023 CSV or a Dynamo/Mooncake JSONL file (told apart by content; binned to --resolution).",
      "Each model is warm-started on the training part, then forecasts from every later tick."
    })
final class ForecastBacktestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--trace", required = true, paramLabel = "FILE", description = "Trace file.")
  Path trace;

  @Option(
      names = "--resolution",
      paramLabel = "DURATION",
      description =
          "Tick length: default 10m for ServeGen series (their native step), 1m otherwise.")
  String resolution;

  @Option(
      names = "--horizon",
      split = ",",
      paramLabel = "DURATION",
      description = "Horizons to score (multiples of the resolution). Default: 10m,20m,30m.")
  List<String> horizons = List.of("10m", "20m", "30m");

  @Option(
      names = "--train",
      paramLabel = "DURATION",
      description =
          "Training part (warm start) before the first origin. Default: 10d for ServeGen, 40m"
              + " otherwise.")
  String train;

  @Option(
      names = "--models",
      split = ",",
      paramLabel = "KIND",
      description = {
        "Forecaster kinds (comma-separated). Default: all. One of: ${COMPLETION-CANDIDATES};",
        "a policy's forecast.model names (holt, holt-winters, kalman, tribuo, auto) work too."
      },
      completionCandidates = ModelNames.class)
  List<String> models = Forecasters.KINDS;

  /** The kinds the backtest runs, for the help text. */
  static final class ModelNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Forecasters.KINDS.iterator();
    }
  }

  /**
   * A forecasting kind, or a policy's {@code forecast.model} name mapped the way the planner maps
   * it ({@code holt} is {@code holt-damped}); anything else is a usage error listing both.
   */
  private String kind(String name) {
    if (Forecasters.KINDS.contains(name)) {
      return name;
    }
    for (ForecastModel model : ForecastModel.values()) {
      if (model.yamlName().equals(name)) {
        return ForecastKinds.kindOf(model);
      }
    }
    throw new ParameterException(
        spec.commandLine(),
        "--models: unknown model '"
            + name
            + "'; kinds: "
            + String.join(", ", Forecasters.KINDS)
            + "; policy names: auto, last-value, ewma, holt, holt-winters, arima, kalman, tribuo");
  }

  @Override
  public Integer call() {
    try {
      return backtest();
    } catch (TraceFormatException e) {
      spec.commandLine().getErr().println("error   " + e.getMessage());
      spec.commandLine().getErr().flush();
      return TandemCli.INVALID_INPUT;
    }
  }

  private int backtest() {
    boolean serveGen = trace.getFileName().toString().contains("aggregate_600s");
    double step =
        seconds(resolution == null ? (serveGen ? "10m" : "1m") : resolution, "--resolution");
    if (step < 1) {
      // a finer series is noise for forecasting and grows without bound (1ms over a day is 86 M
      // points): refuse it rather than divide by zero or run out of memory
      throw new ParameterException(
          spec.commandLine(), "--resolution must be at least 1s, got " + resolution);
    }
    List<String> kinds = models.stream().map(this::kind).distinct().toList();
    double trainSeconds = seconds(train == null ? (serveGen ? "10d" : "40m") : train, "--train");
    int[] steps = new int[horizons.size()];
    for (int i = 0; i < steps.length; i++) {
      double h = seconds(horizons.get(i), "--horizon");
      steps[i] = (int) Math.round(h / step);
      if (steps[i] < 1 || Math.abs(steps[i] * step - h) > 1e-6) {
        throw new ParameterException(
            spec.commandLine(),
            "--horizon " + horizons.get(i) + " is not a positive multiple of the resolution");
      }
      if (steps[i] > ForecastSettings.MAX_HORIZON_TICKS) {
        throw new ParameterException(
            spec.commandLine(),
            "--horizon "
                + horizons.get(i)
                + " is "
                + steps[i]
                + " ticks of "
                + label(step)
                + "; forecasters look at most "
                + ForecastSettings.MAX_HORIZON_TICKS
                + " ticks ahead: use a coarser --resolution or a shorter --horizon");
      }
    }
    // options first, then the file: a usage error should not wait for a large trace
    LoadSeries series = load(serveGen, step);
    int trainTicks = (int) Math.round(trainSeconds / step);
    double[] y = series.rate();
    if (trainTicks < 2 || trainTicks >= y.length) {
      throw new ParameterException(
          spec.commandLine(),
          "--train covers " + trainTicks + " ticks but the series has " + y.length);
    }
    int maxSteps = java.util.Arrays.stream(steps).max().orElse(1);
    BacktestReport report =
        Backtest.run(y, trainTicks, steps, kinds, ForecastSettings.defaults(step, maxSteps));
    print(report, step, steps, series);
    return 0;
  }

  private LoadSeries load(boolean serveGen, double step) {
    if (serveGen) {
      LoadSeries s = ServeGenAggregateReader.read(trace);
      if (Math.abs(step - s.stepSeconds()) > 1e-9) {
        throw new ParameterException(
            spec.commandLine(), "ServeGen series have a fixed resolution of 10m");
      }
      return s;
    }
    List<Request> requests =
        TraceInput.read(trace, JsonlTraceReader.Unit.AUTO, spec.commandLine().getErr());
    return LoadSeriesBinner.bin(requests, Math.round(step * 1e6));
  }

  private double seconds(String text, String option) {
    String t = text.trim();
    if (t.endsWith("d")) {
      try {
        return Double.parseDouble(t.substring(0, t.length() - 1)) * 86_400;
      } catch (NumberFormatException e) {
        throw new ParameterException(spec.commandLine(), option + ": not a duration: " + text);
      }
    }
    Duration d =
        Durations.parse(t)
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(),
                        option + ": not a duration (e.g. 10s, 1m, 10m, 1h, 10d): " + text));
    return d.toNanos() / 1e9;
  }

  private void print(BacktestReport r, double step, int[] steps, LoadSeries series) {
    PrintWriter out = spec.commandLine().getOut();
    int missing = 0;
    for (int i = 0; i < series.size(); i++) {
      missing += Double.isNaN(series.rateAt(i)) ? 1 : 0;
    }
    out.printf(
        Locale.ROOT,
        "Backtest of %s: %d ticks of %s (%d missing), train %d ticks, test %d ticks%n",
        trace.getFileName(),
        series.size(),
        label(step),
        missing,
        r.trainLength(),
        r.testLength());
    out.printf(
        Locale.ROOT,
        "MASE and P90 pinball are scaled by the in-sample one-step last-value MAE of the training"
            + " part: %.4g req/s.%n",
        r.scale());
    out.println(
        "sMAPE in %; peak cov = share of origins whose peak rate over the horizon stayed at or"
            + " below the one-sided P90 of the peak.");
    out.printf(
        Locale.ROOT,
        "%-20s %7s %7s %7s %7s %8s %7s%n",
        "model",
        "horizon",
        "MASE",
        "sMAPE",
        "P90pin",
        "peakcov",
        "origins");
    boolean unscored = false;
    for (BacktestRow row : r.rows()) {
      String horizon = label(row.horizonSteps() * step);
      if (row.origins() == 0) {
        // no origin has a whole horizon of test ticks after it: an average of nothing is not a
        // score, so the row says why instead of printing NaN
        unscored = true;
        out.printf(
            Locale.ROOT,
            "%-20s %7s %s%n",
            row.model(),
            horizon,
            "n/a (no origins: the "
                + r.testLength()
                + " test ticks leave none a "
                + horizon
                + " horizon fits)");
        continue;
      }
      out.printf(
          Locale.ROOT,
          "%-20s %7s %7s %7s %7s %8s %7d%n",
          row.model(),
          horizon,
          number(row.mase(), "%.3f"),
          number(row.smape(), "%.2f"),
          number(row.pinball90(), "%.3f"),
          number(100 * row.peakCoverage90(), "%.1f%%"),
          row.origins());
    }
    if (unscored) {
      out.println(
          "n/a rows: the trace is shorter than the training part plus the horizon; shorten"
              + " --train or --horizon, or use a longer trace.");
    }
    if (!Double.isFinite(r.scale()) || r.scale() <= 0) {
      out.println(
          "n/a MASE and pinball: the training part's one-step changes are all zero, so there is"
              + " no scale to divide by.");
    }
    out.flush();
  }

  /** A value, or n/a where it is not a number (never NaN or Infinity in the table). */
  private static String number(double value, String format) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "n/a";
  }

  private static String label(double seconds) {
    if (seconds % 3600 == 0) {
      return (long) (seconds / 3600) + "h";
    }
    if (seconds % 60 == 0) {
      return (long) (seconds / 60) + "m";
    }
    return (long) seconds + "s";
  }
}
