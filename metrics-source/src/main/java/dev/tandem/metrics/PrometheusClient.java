package dev.tandem.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Prometheus HTTP API ({@code POST /api/v1/query}, form-encoded so that a tick's long selectors
 * never hit a URL length limit), with bounded retries, a per-attempt timeout and a deadline. Works
 * against Prometheus, Thanos Query, Mimir and anything serving the same API under a path prefix.
 *
 * <p>Retry policy: a timeout, a refused or reset connection, HTTP 429 and 5xx are retried up to
 * {@link PrometheusSettings#retries()} times, waiting {@code backoff}, {@code 2·backoff}, … between
 * attempts; other 4xx (a bad query) are not, since the same query fails the same way. No attempt
 * starts after the deadline, and no attempt outlives it.
 *
 * <p>Thread-safe: one client serves every tick.
 */
public final class PrometheusClient {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final PrometheusSettings settings;
  private final HttpClient http;
  private final Optional<BearerToken> token;

  public PrometheusClient(PrometheusSettings settings) {
    this.settings = settings;
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NORMAL);
    settings.caFile().ifPresent(ca -> b.sslContext(trusting(ca)));
    this.http = b.build();
    this.token = settings.bearerTokenFile().map(BearerToken::new);
  }

  public PrometheusSettings settings() {
    return settings;
  }

  /**
   * Evaluates {@code promql} at {@code time}; gives up at {@code deadlineNanos} ({@link
   * System#nanoTime()} scale).
   */
  public QueryResult query(String promql, Instant time, long deadlineNanos) {
    String form =
        "query="
            + URLEncoder.encode(promql, StandardCharsets.UTF_8)
            + "&time="
            + seconds(time)
            + "&timeout="
            + settings.timeout().toMillis()
            + "ms";
    Outcome last = null;
    int attempt = 0;
    Duration wait = settings.backoff();
    while (attempt <= settings.retries()) {
      if (attempt > 0) {
        if (!sleepBefore(deadlineNanos, wait)) {
          break;
        }
        wait = wait.multipliedBy(2);
      }
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0) {
        break;
      }
      attempt++;
      last = attempt(promql, form, Math.min(remaining, settings.timeout().toNanos()));
      if (last.result != null) {
        return new QueryResult(promql, last.result.samples(), last.result.failure(), attempt);
      }
      if (!last.retryable) {
        break;
      }
    }
    String why = last == null ? "tick deadline passed before the query was sent" : last.why;
    if (last != null && last.retryable && attempt > 1) {
      why = why + " (after " + attempt + " attempts)";
    }
    return QueryResult.failed(promql, why, attempt);
  }

  /** {@code GET} of an API path below the base URL (label values for the doctor), as JSON. */
  public Optional<JsonNode> getJson(String apiPathAndQuery) {
    try {
      HttpRequest request =
          authorised(HttpRequest.newBuilder(settings.endpoint(apiPathAndQuery)))
              .timeout(settings.timeout())
              .GET()
              .build();
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? Optional.of(JSON.readTree(r.body())) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** One attempt's outcome: a final result (success or not retryable), or a retryable failure. */
  private record Outcome(QueryResult result, String why, boolean retryable) {}

  private Outcome attempt(String promql, String form, long timeoutNanos) {
    HttpRequest request;
    try {
      request =
          authorised(HttpRequest.newBuilder(settings.queryUri()))
              .timeout(Duration.ofNanos(timeoutNanos))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build();
    } catch (RuntimeException e) {
      return new Outcome(QueryResult.failed(promql, e.getMessage(), 1), e.getMessage(), false);
    }
    CompletableFuture<HttpResponse<String>> future =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> response;
    try {
      response = future.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return retry("timed out after " + millis(timeoutNanos) + " ms at " + settings.queryUri());
    } catch (ExecutionException e) {
      return transportFailure(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(QueryResult.failed(promql, "interrupted", 1), "interrupted", false);
    }
    return interpret(promql, response);
  }

  private Outcome transportFailure(Throwable cause) {
    if (cause instanceof HttpTimeoutException) {
      return retry("timed out at " + settings.queryUri());
    }
    if (cause instanceof ConnectException) {
      return retry("connection refused by " + settings.queryUri());
    }
    return retry(cause.getClass().getSimpleName() + " at " + settings.queryUri() + ": " + cause);
  }

  private static Outcome retry(String why) {
    return new Outcome(null, why, true);
  }

  private Outcome interpret(String promql, HttpResponse<String> response) {
    int status = response.statusCode();
    String body = response.body() == null ? "" : response.body();
    if (status != 200) {
      String why = "HTTP " + status + prometheusError(body);
      boolean retryable = status >= 500 || status == 429;
      return retryable ? retry(why) : new Outcome(QueryResult.failed(promql, why, 1), why, false);
    }
    try {
      return new Outcome(QueryResult.success(promql, parse(JSON.readTree(body)), 1), "", false);
    } catch (JacksonException | IllegalArgumentException e) {
      String why = "unreadable response: " + e.getMessage();
      return new Outcome(QueryResult.failed(promql, why, 1), why, false);
    }
  }

  /** ": bad_data: parse error …" from Prometheus' error JSON, or a short excerpt of the body. */
  private static String prometheusError(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && node.has("error")) {
        return ": " + node.path("errorType").asString("") + ": " + node.path("error").asString("");
      }
    } catch (JacksonException e) {
      // not JSON (a proxy's HTML page): fall through to the excerpt
    }
    String excerpt = body.strip().replaceAll("\\s+", " ");
    return excerpt.isEmpty() ? "" : ": " + excerpt.substring(0, Math.min(160, excerpt.length()));
  }

  /** The series of a {@code vector} or {@code scalar} result. */
  static List<Sample> parse(JsonNode root) {
    if (!"success".equals(root.path("status").asString(""))) {
      throw new IllegalArgumentException("status is not success: " + root);
    }
    JsonNode data = root.path("data");
    String type = data.path("resultType").asString("");
    JsonNode result = data.path("result");
    List<Sample> samples = new ArrayList<>();
    switch (type) {
      case "vector" -> {
        for (JsonNode series : result) {
          Map<String, String> labels = new HashMap<>();
          Iterator<Map.Entry<String, JsonNode>> it = series.path("metric").properties().iterator();
          while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            labels.put(e.getKey(), e.getValue().asString(""));
          }
          JsonNode v = series.path("value");
          samples.add(new Sample(labels, number(v.path(1).asString("")), v.path(0).asDouble()));
        }
      }
      case "scalar" ->
          samples.add(
              new Sample(Map.of(), number(result.path(1).asString("")), result.path(0).asDouble()));
      default ->
          throw new IllegalArgumentException(
              "expected an instant vector or scalar, got resultType '" + type + "'");
    }
    return samples;
  }

  /** Prometheus writes special values as {@code NaN}, {@code +Inf} and {@code -Inf}. */
  static double number(String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  /** Prometheus' spelling of a number: {@code NaN}, {@code +Inf}, {@code -Inf} or the digits. */
  static String text(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    return Double.toString(v);
  }

  private HttpRequest.Builder authorised(HttpRequest.Builder b) {
    token.ifPresent(t -> b.header("Authorization", "Bearer " + t.current()));
    settings
        .basicAuth()
        .ifPresent(
            a ->
                b.header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                (a.user() + ":" + a.password()).getBytes(StandardCharsets.UTF_8))));
    return b;
  }

  private static boolean sleepBefore(long deadlineNanos, Duration wait) {
    long waitNanos = wait.toNanos();
    if (System.nanoTime() + waitNanos >= deadlineNanos) {
      return false;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(waitNanos);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String seconds(Instant t) {
    return t.getEpochSecond() + "." + String.format("%03d", t.getNano() / 1_000_000);
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  private static SSLContext trusting(Path caFile) {
    try (InputStream in = Files.newInputStream(caFile)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      if (i == 0) {
        throw new IllegalArgumentException("CA file " + caFile + " holds no certificate");
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read CA file " + caFile + ": " + e, e);
    }
  }
}
