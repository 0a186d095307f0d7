package dev.tandem.cli;

import dev.tandem.profiles.io.PerformanceProfileLoader;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.simulations.catalog.Comparison;
import dev.tandem.simulations.catalog.ComparisonText;
import dev.tandem.simulations.catalog.OutputDirectory;
import dev.tandem.simulations.catalog.PolicyRegistry;
import dev.tandem.simulations.catalog.ScenarioCatalog;
import dev.tandem.simulations.cluster.PrefillQueue;
import dev.tandem.simulations.engine.ProgressListener;
import dev.tandem.simulations.metrics.SlaTargets;
import dev.tandem.simulations.scenario.Scenario;
import dev.tandem.traces.JsonlTraceReader;
import dev.tandem.traces.Request;
import dev.tandem.traces.TraceFormatException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tandem simulate}: runs a built-in scenario (or a trace file) through the simulator with
 * several scaling policies, prints the comparison table, and writes CSV/JSON, charts and an HTML
 * page. Thin: scenarios, policies, sweeps and writers live in the simulations module.
 */
@Command(
    name = "simulate",
    sortOptions = false,
    description = {
      "Replay a scenario through the simulated cluster under several scaling policies and compare"
          + " SLA attainment, latency, goodput and GPU-hours.",
      "With no arguments: the default scenario ("
          + ScenarioCatalog.DEFAULT
          + ") on data shipped with Tandem, well under a minute.",
      "Outputs: the table on stdout; summary.csv/json, series-<policy>.csv/json, charts (PNG) and"
          + " index.html in --out."
    })
final class SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--scenario",
      paramLabel = "NAME",
      description = "Built-in scenario (default ${DEFAULT-VALUE}); 'list' lists them.",
      defaultValue = ScenarioCatalog.DEFAULT)
  String scenario;

  @Option(names = "--list", description = "List the built-in scenarios and policies, then exit.")
  boolean list;

  @Option(
      names = "--trace",
      paramLabel = "FILE",
      description =
          "Replay a trace file instead: Azure CSV or Dynamo/Mooncake JSONL (told apart by the"
              + " content), plain or gzipped (*.gz); at most 10,000,000 tokens per prompt or output,"
              + " and every request must fit one decode engine's KV cache.")
  Path trace;

  @Option(
      names = "--scale",
      paramLabel = "N",
      description =
          "With --trace: multiply the rate by N (default 1): by superposing N copies shifted by"
              + " span/N (whole N; keeps the trace's length and burst shape), or by compressing"
              + " time N-fold (--scale-method compress; any N > 0).")
  Double scale;

  @Option(
      names = "--scale-method",
      paramLabel = "superpose|compress",
      description = "How --scale raises the rate (default ${DEFAULT-VALUE}).",
      defaultValue = "superpose")
  String scaleMethod;

  @Option(
      names = "--timestamp-unit",
      paramLabel = "auto|ms|s",
      description =
          "Unit of a JSONL trace's timestamp (default ${DEFAULT-VALUE}: milliseconds, but a trace"
              + " whose rate read as milliseconds is implausible is refused, never misread).",
      defaultValue = "auto")
  String timestampUnit;

  @Option(
      names = "--sla",
      paramLabel = "TTFT_MS,ITL_MS",
      split = ",",
      description = "p90 TTFT and p90 ITL targets in ms for --trace (default 200,10).")
  List<Double> sla;

  @Option(
      names = "--profile",
      paramLabel = "FILE",
      description =
          "Performance profile (default examples/profiles/h200-llama-3.1-8b-fp8-tp1.yaml).")
  Path profile;

  @Option(
      names = "--policies",
      paramLabel = "NAME",
      split = ",",
      description = "Policies to compare, e.g. static-2p2d,dynamo-sla,hpa,best-static,oracle.")
  List<String> policies;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output directory (default ./tandem-out/<scenario>).")
  Path out;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Arrival seed (default ${DEFAULT-VALUE}).",
      defaultValue = "42")
  long seed;

  @Option(
      names = "--startup",
      paramLabel = "DURATION",
      description = "Engine start-up time, e.g. 30s, 2m, PT5M (default: the scenario's, 60 s).",
      converter = SimulateDurations.class)
  Duration startup;

  @Option(
      names = "--scrape-interval",
      paramLabel = "DURATION",
      description =
          "How often the simulated Prometheus scrapes the engines, e.g. 15s or 30s as many"
              + " clusters do (default 5s); every policy sees each scrape 5s after it.",
      converter = SimulateDurations.class)
  Duration scrapeInterval;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      description = "Cut the load after this long, e.g. 20m, 6h.",
      converter = SimulateDurations.class)
  Duration duration;

  @Option(
      names = "--warm-up",
      paramLabel = "DURATION",
      description =
          "Judge the run after this much of the same load, which every policy runs through first"
              + " (generated loads only; whole 10-minute periods, e.g. 1h): the steady state of a"
              + " controller that has been running, not its cold start.",
      converter = SimulateDurations.class)
  Duration warmUp;

  @Option(
      names = "--frontier",
      negatable = true,
      description =
          "Sweep the baselines' knobs and compare with their frontiers (default: on where cheap).")
  Boolean frontier;

  @Option(
      names = "--target",
      paramLabel = "SHARE",
      description =
          "SLA attainment the best static split and the oracle must reach (default ${DEFAULT-VALUE}).",
      defaultValue = "0.9")
  double target;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Folder with servegen_alibaba_bailian/ (default <repo>/data/traces, shipped).")
  Path data;

  @Option(
      names = "--prefill-queue",
      paramLabel = "shared|per-engine|round-robin",
      description =
          "Prefill queueing: one shared queue idle engines pull from, or a queue per engine"
              + " chosen least-loaded (per-engine) or in turn (round-robin, as the reference"
              + " deployment routes) at arrival (default: the scenario's).")
  String prefillQueue;

  @Option(
      names = "--explain",
      description =
          "Also write every decision of the tandem policy, with its reasons, to plans-tandem.txt"
              + " in the output directory.")
  boolean explain;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar and no sweep notes on stderr.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (list || "list".equals(scenario)) {
      Path listData =
          data != null ? data : SimulateRoot.locate().resolve("data/traces").normalize();
      stdout.print(SimulateListing.render(PolicyRegistry.standard(), listData));
      stdout.flush();
      return 0;
    }
    checkOptions();
    Path root = SimulateRoot.locate();
    PerformanceProfile loaded =
        PerformanceProfileLoader.load(
            profile != null ? profile : root.resolve(ScenarioCatalog.DEFAULT_PROFILE));
    Path dataDir = data != null ? data : root.resolve("data/traces").normalize();
    ScenarioCatalog.Options options =
        new ScenarioCatalog.Options(
            loaded,
            Optional.of(dataDir),
            seed,
            Optional.ofNullable(startup),
            Optional.ofNullable(duration),
            prefillQueue());
    Scenario built;
    List<String> names;
    boolean sweep;
    if (trace != null) {
      if (warmUp != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--warm-up needs a generated load (a built-in sinusoid scenario): a replayed trace"
                + " would repeat itself and show every policy the future");
      }
      try {
        built = traceScenario(options);
      } catch (TraceFormatException e) {
        stderr.println("error   " + e.getMessage());
        stderr.flush();
        return TandemCli.INVALID_INPUT;
      }
      names = ScenarioCatalog.TRACE_POLICIES;
      sweep = true;
    } else {
      ScenarioCatalog.Entry entry =
          ScenarioCatalog.entry(scenario)
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          spec.commandLine(),
                          "unknown scenario '" + scenario + "' (see --scenario list)"));
      built = ScenarioCatalog.build(scenario, options);
      if (warmUp != null) {
        try {
          built = ScenarioCatalog.withWarmUp(built, warmUp);
        } catch (IllegalArgumentException e) {
          throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
      }
      names = entry.policies();
      sweep = entry.frontierByDefault();
    }
    if (scrapeInterval != null) {
      built = withScrape(built, scrapeInterval);
    }
    if (policies != null && !policies.isEmpty()) {
      names = policies;
    }
    Path dir = out != null ? out : Path.of("tandem-out", built.name());
    PlanLog plans = explain ? PlanLog.open(dir.resolve("plans-tandem.txt")) : PlanLog.NONE;
    PolicyRegistry registry = PolicyRegistry.standard(plans::accept);
    for (String n : names) {
      if (!registry.knows(n)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "unknown policy '" + n + "' (see --list)");
      }
    }
    boolean interactive = !quiet && System.console() != null;
    long horizon = built.config().horizonMicros();
    Function<String, ProgressListener> progress =
        interactive
            ? name -> new SimulateProgressBar(stderr, name, horizon, System::nanoTime)
            : name -> ProgressListener.NONE;
    Comparison c =
        Comparison.run(
            built,
            registry,
            new Comparison.Plan(
                names,
                frontier != null ? frontier : sweep,
                target,
                progress,
                quiet
                    ? s -> {}
                    : s -> {
                      stderr.println(s);
                      stderr.flush();
                    }));
    if (interactive) {
      stderr.print("\r" + " ".repeat(SimulateProgressBar.WIDTH + 40) + "\r");
      stderr.flush();
    }
    plans.close();
    stdout.print(ComparisonText.render(c));
    OutputDirectory.write(c, dir);
    stdout.println();
    stdout.println("wrote " + dir.resolve("index.html") + " (and CSV, JSON, PNG beside it)");
    if (explain) {
      stdout.println("wrote " + dir.resolve("plans-tandem.txt") + " (every tandem decision)");
    }
    stdout.flush();
    return 0;
  }

  /**
   * The scenario with Prometheus scraping every {@code interval}; each scrape becomes visible after
   * the scenario's delay, as before (a real scrape is queryable at once, so the newest data are
   * between the delay and the delay plus one interval old).
   */
  private static Scenario withScrape(Scenario s, Duration interval) {
    Duration delay = Duration.ofNanos(s.config().scrapeDelayMicros() * 1000);
    return new Scenario(
        s.name(),
        s.description()
            + "; Prometheus scrapes every "
            + dev.tandem.config.yaml.Durations.format(interval)
            + ", each visible "
            + dev.tandem.config.yaml.Durations.format(delay)
            + " later",
        s.arrivals(),
        s.config().withScrape(interval, delay),
        s.policies(),
        s.seed());
  }

  private Optional<PrefillQueue> prefillQueue() {
    if (prefillQueue == null) {
      return Optional.empty();
    }
    return Optional.of(
        PrefillQueue.parse(prefillQueue)
            .orElseThrow(
                () ->
                    new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--prefill-queue must be shared, per-engine or round-robin, got '"
                            + prefillQueue
                            + "'")));
  }

  private JsonlTraceReader.Unit unit() {
    return switch (timestampUnit) {
      case "auto" -> JsonlTraceReader.Unit.AUTO;
      case "ms" -> JsonlTraceReader.Unit.MILLISECONDS;
      case "s" -> JsonlTraceReader.Unit.SECONDS;
      default ->
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "--timestamp-unit must be auto, ms or s, got '" + timestampUnit + "'");
    };
  }

  private Scenario traceScenario(ScenarioCatalog.Options options) {
    if (!Files.isRegularFile(trace)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no such trace file: " + trace);
    }
    String file = trace.getFileName().toString();
    List<Request> recorded = TraceInput.read(trace, unit(), spec.commandLine().getErr());
    TraceInput.requireSpan(recorded, trace);
    TraceInput.requireFit(recorded, options.profile(), trace);
    TraceScaling.Scaled scaled;
    try {
      scaled = TraceScaling.apply(recorded, scale == null ? 1 : scale, scaleMethod);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    List<Request> requests = scaled.requests();
    double ttft = sla != null && sla.size() == 2 ? sla.get(0) : 200;
    double itl = sla != null && sla.size() == 2 ? sla.get(1) : 10;
    String name = file.replaceAll("(\\.gz)?$", "").replaceAll("\\.[^.]*$", "");
    return ScenarioCatalog.fromRequests(
        name,
        "trace "
            + trace
            + " ("
            + recorded.size()
            + " requests; "
            + scaled.description()
            + "); p90 TTFT ≤ "
            + ttft
            + " ms, p90 ITL ≤ "
            + itl
            + " ms; "
            + options.profile().metadata().name(),
        requests,
        SlaTargets.millis(90, ttft, 90, itl),
        options);
  }

  /**
   * Options that would otherwise be silently padded, cut, ignored or read as a meaningless run: a
   * usage error names the option, the value and what is allowed.
   */
  private void checkOptions() {
    if (sla != null) {
      if (trace == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--sla applies to --trace only (a built-in scenario carries its own SLA; see"
                + " --scenario list)");
      }
      if (sla.size() != 2) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--sla takes two numbers, TTFT_MS,ITL_MS (e.g. 200,10), got " + sla.size());
      }
      for (int i = 0; i < 2; i++) {
        double v = sla.get(i);
        if (!(Double.isFinite(v) && v > 0)) {
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "--sla "
                  + (i == 0 ? "TTFT" : "ITL")
                  + " must be a positive number of milliseconds, got "
                  + v);
        }
      }
    }
    if (!(target > 0 && target <= 1)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--target must be a share of windows in (0, 1], e.g. 0.9, got " + target);
    }
    if (scrapeInterval != null
        && (scrapeInterval.compareTo(Duration.ofSeconds(1)) < 0
            || scrapeInterval.compareTo(Duration.ofMinutes(5)) > 0)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--scrape-interval must be between 1s and 5m (Prometheus marks a series stale after 5m"
              + " without a sample), got "
              + dev.tandem.config.yaml.Durations.format(scrapeInterval));
    }
    if (duration != null && (duration.isZero() || duration.isNegative())) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--duration must be longer than 0s, got "
              + (duration.isNegative()
                  ? "-" + dev.tandem.config.yaml.Durations.format(duration.negated())
                  : dev.tandem.config.yaml.Durations.format(duration)));
    }
  }
}
