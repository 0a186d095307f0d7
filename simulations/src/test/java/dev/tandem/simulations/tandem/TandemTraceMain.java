package dev.tandem.simulations.tandem;

import dev.tandem.planner.ScalingPlan;
import dev.tandem.profiles.io.PerformanceProfileLoader;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.simulations.catalog.ScenarioCatalog;
import dev.tandem.simulations.report.ReportTable;
import dev.tandem.simulations.report.SimulationReport;
import dev.tandem.simulations.scenario.PolicyContext;
import dev.tandem.simulations.scenario.Scenario;
import dev.tandem.simulations.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A diagnostic run by hand (not a test): one scenario under Tandem, printing every plan's forecast,
 * targets, corrections and reasons. Args: scenario [startup-seconds] [minutes].
 */
public final class TandemTraceMain {

  public static void main(String[] args) {
    Path root = Path.of(System.getProperty("tandem.root", ".")).toAbsolutePath();
    PerformanceProfile profile =
        PerformanceProfileLoader.load(root.resolve(ScenarioCatalog.DEFAULT_PROFILE));
    ScenarioCatalog.Options o =
        new ScenarioCatalog.Options(
            profile,
            Optional.of(root.resolve("data/traces")),
            42,
            args.length > 1
                ? Optional.of(Duration.ofSeconds(Long.parseLong(args[1])))
                : Optional.empty(),
            args.length > 2
                ? Optional.of(Duration.ofMinutes(Long.parseLong(args[2])))
                : Optional.empty(),
            Optional.empty());
    Scenario s = ScenarioCatalog.build(args[0], o);
    PolicyContext ctx = PolicyContext.of(s, 0.9, System.err::println);
    TandemSettings settings =
        TandemSettings.defaults()
            .withModel(
                dev.tandem.config.policy.ForecastModel.valueOf(
                    System.getProperty("model", "AUTO")));
    if (System.getProperty("stab") != null) {
      String[] st = System.getProperty("stab").split(",");
      settings =
          settings.withStabilization(
              Duration.ofSeconds(Long.parseLong(st[0])), Duration.ofSeconds(Long.parseLong(st[1])));
    }
    TandemPolicy p = TandemPolicy.forScenario(s.config(), settings, ctx.initialCounts());
    boolean verbose = Boolean.getBoolean("verbose");
    boolean quiet = Boolean.getBoolean("quiet");
    p.onTick(
        r -> {
          for (ScalingPlan plan : quiet ? List.<ScalingPlan>of() : r.plans()) {
            System.out.printf(
                Locale.ROOT,
                "%6.0f P %d->%d (t%d k%.2f) D %d->%d (t%d k%.2f) peak %.1f/%.1f isl %.0f osl %.0f%n",
                plan.at().toEpochMilli() / 1000.0,
                plan.prefill().current(),
                plan.prefill().desired(),
                plan.prefill().target(),
                plan.prefill().correction(),
                plan.decode().current(),
                plan.decode().desired(),
                plan.decode().target(),
                plan.decode().correction(),
                plan.prefillForecast().peakRate(),
                plan.decodeForecast().peakRate(),
                plan.prefillForecast().inputTokensMean(),
                plan.prefillForecast().outputTokensMean());
            if (verbose) {
              System.out.println("   " + plan.prefillForecast().reason());
              System.out.println("   P " + plan.prefill().targetWhy().message());
              System.out.println("   P " + plan.prefill().correctionWhy().message());
              System.out.println("   D " + plan.decode().targetWhy().message());
              System.out.println("   D " + plan.decode().correctionWhy().message());
            }
          }
        });
    SimulationReport rep = ScenarioRunner.run(s.arrivals(), p, s.config(), s.seed());
    System.out.print(ReportTable.render(List.of(rep.summary())));
  }
}
