package dev.tandem.simulations.catalog;

import static dev.tandem.simulations.catalog.ScenarioCatalog.CONV_COPIES;
import static dev.tandem.simulations.catalog.ScenarioCatalog.MIX_CODE_COPIES;
import static dev.tandem.simulations.catalog.ScenarioCatalog.STARTUP;
import static dev.tandem.simulations.catalog.ScenarioCatalog.profileName;
import static dev.tandem.simulations.catalog.ScenarioCatalog.startup;

import dev.tandem.simulations.arrivals.ArrayArrivals;
import dev.tandem.simulations.arrivals.ArrivalStream;
import dev.tandem.simulations.arrivals.TraceArrivals;
import dev.tandem.simulations.arrivals.WeightedMix;
import dev.tandem.simulations.catalog.ScenarioCatalog.Options;
import dev.tandem.simulations.engine.SimulationConfig;
import dev.tandem.simulations.metrics.SlaTargets;
import dev.tandem.simulations.scenario.Scenario;
import dev.tandem.traces.RateScaling;
import dev.tandem.traces.Request;
import java.time.Duration;
import java.util.List;

/**
 * The scenarios on the Azure LLM 2023 traces shipped with the simulator: each trace scaled up by
 * superposing shifted copies ({@code RateScaling.superpose}, copy k shifted by k·span/c and wrapped
 * into the span), and the moving code/conversation mix.
 */
final class AzureScenarios {

  private AzureScenarios() {}

  static Scenario azure(String name, Options o, String service, int copies, int ttftMs) {
    List<Request> base = TraceArrivals.azure(service);
    long span = RateScaling.spanOf(base);
    ArrayArrivals arrivals =
        TraceArrivals.of(RateScaling.superpose(base, copies, span / copies, span));
    SlaTargets sla = SlaTargets.millis(90, ttftMs, 90, 10);
    SimulationConfig config =
        SimulationConfig.of(o.profile(), sla, STARTUP).withHorizon(Duration.ofNanos(span * 1000));
    return new Scenario(
        name,
        "Azure LLM trace 2023 ("
            + service
            + ", "
            + base.size()
            + " requests, CC-BY 4.0, Splitwise ISCA 2024), rate ×"
            + copies
            + " by superposing "
            + copies
            + " copies shifted by span/"
            + copies
            + " ("
            + arrivals.size()
            + " requests over "
            + span / 1_000_000
            + " s); p90 TTFT ≤ "
            + ttftMs
            + " ms, p90 ITL ≤ 10 ms; "
            + profileName(o)
            + "; start-up "
            + startup(o),
        arrivals,
        config,
        List.of(),
        o.seed());
  }

  static Scenario azureMix(String name, Options o) {
    List<Request> code = TraceArrivals.azure("code");
    List<Request> conv = TraceArrivals.azure("conv");
    long span = Math.max(RateScaling.spanOf(code), RateScaling.spanOf(conv));
    ArrayArrivals codeArrivals =
        TraceArrivals.of(
            RateScaling.superpose(code, MIX_CODE_COPIES, span / MIX_CODE_COPIES, span));
    ArrayArrivals convArrivals =
        TraceArrivals.of(RateScaling.superpose(conv, CONV_COPIES, span / CONV_COPIES, span));
    double spanSeconds = span / 1e6;
    ArrivalStream mix =
        new WeightedMix(
            codeArrivals, convArrivals, t -> 0.5 - 0.4 * Math.cos(2 * Math.PI * t / spanSeconds));
    SlaTargets sla = SlaTargets.millis(90, 300, 90, 10);
    SimulationConfig config =
        SimulationConfig.of(o.profile(), sla, STARTUP).withHorizon(Duration.ofNanos(span * 1000));
    return new Scenario(
        name,
        "Azure LLM traces 2023 (CC-BY 4.0, Splitwise ISCA 2024): code ×"
            + MIX_CODE_COPIES
            + " and conv ×"
            + CONV_COPIES
            + " (superposed shifted copies), each request kept with weight w(t) = 0.5 − 0.4·cos(2πt/"
            + Math.round(spanSeconds)
            + " s) for code and 1 − w(t) for conv, so code goes 10 % → 90 % → 10 % of the"
            + " traffic over the hour; p90 TTFT ≤ 300 ms, p90 ITL ≤ 10 ms; "
            + profileName(o)
            + "; start-up "
            + startup(o),
        mix,
        config,
        List.of(),
        o.seed());
  }
}
