package dev.tandem.simulations.export;

import dev.tandem.config.policy.MetricsPreset;
import dev.tandem.simulations.cluster.Cluster;
import dev.tandem.simulations.cluster.DecodeEngine;
import dev.tandem.simulations.cluster.EngineState;
import dev.tandem.simulations.cluster.SimRequest;
import dev.tandem.simulations.engine.SimulationObserver;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * Simulated engines seen the way a Prometheus sees real ones: a {@code /metrics} endpoint in the
 * exact exposition format of one preset (vLLM V1, SGLang or the Dynamo frontend; llm-d serves
 * vLLM's), fed from a running simulation. Pass it to a {@code Simulation} as its observer, together
 * with a {@link dev.tandem.simulations.engine.RealTimePacer} so that counters advance in real (or
 * accelerated) time:
 *
 * <pre>{@code
 * try (EngineMetricsExporter vllm = EngineMetricsExporter.start(MetricsPreset.VLLM, "llama", 0)) {
 *   new Simulation(source, policy, config, ProgressListener.NONE,
 *       SimulationObserver.all(List.of(new RealTimePacer(1), vllm))).run();
 * }
 * }</pre>
 *
 * <p>Latencies are observed in simulated seconds; under acceleration k, rates scraped per wall
 * second are k × the simulated ones while latencies are not scaled. Gauges are updated on every
 * event; KV-cache usage (the mean over ready decode engines) at most every 100 ms of simulated
 * time. Metrics are thread-safe, so scrapes may run while the simulation does.
 */
public final class EngineMetricsExporter implements SimulationObserver, AutoCloseable {

  private static final long KV_EVERY_MICROS = 100_000;

  private final MetricsPreset preset;
  private final EngineMetrics metrics;
  private final HTTPServer server;
  private long nextKvMicros;

  private EngineMetricsExporter(MetricsPreset preset, EngineMetrics metrics, HTTPServer server) {
    this.preset = preset;
    this.metrics = metrics;
    this.server = server;
  }

  /**
   * Starts serving {@code /metrics} on 127.0.0.1.
   *
   * @param model the served model name ({@code model_name} or {@code model} label)
   * @param port the port, 0 for any free one ({@link #port()} tells which)
   */
  public static EngineMetricsExporter start(MetricsPreset preset, String model, int port) {
    return start(preset, model, "127.0.0.1", port);
  }

  /** Starts serving {@code /metrics} on {@code host:port} (host {@code 0.0.0.0} for all). */
  public static EngineMetricsExporter start(
      MetricsPreset preset, String model, String host, int port) {
    PrometheusRegistry registry = new PrometheusRegistry();
    EngineMetrics metrics =
        switch (preset) {
          case VLLM, LLM_D -> new VllmMetrics(registry, model, 2);
          case SGLANG -> new SglangMetrics(registry, model);
          case DYNAMO -> new DynamoFrontendMetrics(registry, model);
        };
    try {
      HTTPServer server =
          HTTPServer.builder().hostname(host).port(port).registry(registry).buildAndStart();
      return new EngineMetricsExporter(preset, metrics, server);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve " + preset.yamlName() + " metrics on " + host + ":" + port + ": " + e, e);
    }
  }

  public MetricsPreset preset() {
    return preset;
  }

  public int port() {
    return server.getPort();
  }

  /** {@code http://127.0.0.1:PORT/metrics}. */
  public URI metricsUri() {
    return URI.create("http://127.0.0.1:" + port() + "/metrics");
  }

  @Override
  public void arrived(SimRequest r) {
    metrics.arrived(r);
  }

  @Override
  public void firstToken(SimRequest r) {
    metrics.firstToken(r, (r.firstTokenMicros - r.arrivalMicros) / 1e6);
  }

  @Override
  public void completed(SimRequest r) {
    int gaps = r.decodeTokens();
    double itl = gaps > 0 ? (r.completionMicros - r.firstTokenMicros) / 1e6 / gaps : Double.NaN;
    metrics.completed(r, (r.completionMicros - r.arrivalMicros) / 1e6, itl);
  }

  @Override
  public void advancing(long simMicros, Cluster cluster) {
    if (simMicros < nextKvMicros) {
      return;
    }
    nextKvMicros = simMicros + KV_EVERY_MICROS;
    double sum = 0;
    int ready = 0;
    for (DecodeEngine e : cluster.decodeEngines()) {
      if (e.state() == EngineState.READY) {
        sum += e.kvUsage(simMicros);
        ready++;
      }
    }
    metrics.kvUsage(ready == 0 ? 0 : Math.min(1, sum / ready));
  }

  @Override
  public void close() {
    server.close();
  }
}
