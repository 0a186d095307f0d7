package dev.tandem.metrics;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (the Debian package's {@code /usr/bin/prometheus}, or {@code $PROMETHEUS_BIN})
 * on 127.0.0.1 and a free port, with a generated configuration and its data in a temporary folder,
 * stopped by PID. Starting fails loudly: an integration test must not skip because Prometheus is
 * absent. Shared through the test-jar (the end-to-end test of the service uses it).
 */
public final class PrometheusProcess implements AutoCloseable {

  private final Process process;
  private final URI uri;
  private final Path log;

  private PrometheusProcess(Process process, URI uri, Path log) {
    this.process = process;
    this.uri = uri;
    this.log = log;
  }

  /**
   * Starts Prometheus scraping every second; each target is {@code host:port} with the static label
   * {@code namespace}.
   */
  public static PrometheusProcess start(Path dir, Map<String, String> namespaceByTarget)
      throws IOException, InterruptedException {
    return start(dir, namespaceByTarget, Map.of());
  }

  /**
   * As {@link #start(Path, Map)}, but the targets named in {@code scrapeIntervals} are scraped at
   * their own interval (whole seconds) instead of every second.
   */
  public static PrometheusProcess start(
      Path dir, Map<String, String> namespaceByTarget, Map<String, Duration> scrapeIntervals)
      throws IOException, InterruptedException {
    String binary = System.getenv().getOrDefault("PROMETHEUS_BIN", "/usr/bin/prometheus");
    if (!Files.isExecutable(Path.of(binary))) {
      throw new IllegalStateException(
          binary
              + " is not installed: apt-get install -y prometheus (the integration test needs a"
              + " real Prometheus and does not skip)");
    }
    StringBuilder config =
        new StringBuilder(
            "global: {scrape_interval: 1s, scrape_timeout: 900ms, evaluation_interval: 1s}\n"
                + "scrape_configs:\n");
    int i = 0;
    for (Map.Entry<String, String> t : namespaceByTarget.entrySet()) {
      config.append("  - job_name: engine-").append(i++).append('\n');
      Duration interval = scrapeIntervals.get(t.getKey());
      if (interval != null) {
        config.append("    scrape_interval: ").append(interval.toSeconds()).append("s\n");
      }
      config
          .append("    static_configs:\n      - targets: ['")
          .append(t.getKey())
          .append("']\n        labels: {namespace: ")
          .append(t.getValue())
          .append("}\n");
    }
    Path file = dir.resolve("prometheus.yml");
    Files.writeString(file, config);
    int port = freePort();
    Path log = dir.resolve("prometheus.log");
    Process p =
        new ProcessBuilder(
                List.of(
                    binary,
                    "--config.file=" + file,
                    "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port,
                    "--log.level=warn"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    PrometheusProcess prometheus =
        new PrometheusProcess(p, URI.create("http://127.0.0.1:" + port), log);
    prometheus.awaitReady(Duration.ofSeconds(30));
    return prometheus;
  }

  public URI uri() {
    return uri;
  }

  public long pid() {
    return process.pid();
  }

  private void awaitReady(Duration limit) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long until = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "prometheus exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(uri.resolve("/-/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    close();
    throw new IllegalStateException(
        "prometheus not ready after " + limit + ":\n" + Files.readString(log));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Stops the process by its PID: TERM, then KILL after 10 s. */
  @Override
  public void close() {
    ProcessHandle.of(process.pid())
        .ifPresent(
            h -> {
              h.destroy();
              try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                  h.destroyForcibly();
                  process.waitFor(10, TimeUnit.SECONDS);
                }
              } catch (InterruptedException e) {
                h.destroyForcibly();
                Thread.currentThread().interrupt();
              }
            });
  }
}
