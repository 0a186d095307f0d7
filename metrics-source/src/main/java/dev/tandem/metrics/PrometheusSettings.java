package dev.tandem.metrics;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How Tandem reaches one Prometheus-compatible query API, and how long it waits for it.
 *
 * <p>Defaults (see {@link #builder(URI)}): timeout 5s per HTTP attempt, 2 retries with backoff
 * 200ms doubling, a per-tick deadline of 20s for all queries of a tick, samples older than 2m read
 * STALE, the namespace label {@code namespace}, burstiness counted over 10s intervals across 10m.
 *
 * @param baseUrl the API root <em>including any path prefix</em>: {@code http://prometheus:9090},
 *     {@code http://thanos-query:9090}, {@code http://mimir/prometheus} (Mimir's prefix), or {@code
 *     https://proxy/some/prefix}; Tandem appends {@code /api/v1/query}
 * @param timeout how long one HTTP attempt may take (connect + response)
 * @param retries extra attempts after a timeout, a refused connection or a 5xx/429 (never after
 *     another 4xx, which a retry cannot fix)
 * @param backoff the wait before the first retry; doubled before each further one
 * @param tickDeadline the whole tick's budget: once spent, the remaining queries are not sent and
 *     their signals read MISSING ("tick deadline passed")
 * @param staleAfter a deployment whose newest gauge sample is older than this reads STALE
 * @param namespaceLabel the label holding the Kubernetes namespace of a scraped pod (the usual
 *     {@code kubernetes_sd} relabelling and the Prometheus Operator both write {@code namespace})
 * @param bearerTokenFile a file holding a bearer token (a projected service-account token), re-read
 *     whenever its modification time or size changes
 * @param basicAuth user and password for HTTP basic authentication
 * @param caFile a PEM file of CA certificates to trust for {@code https} (instead of the JDK's)
 * @param dispersionInterval the shortest τ the arrival counts of the burstiness are taken over
 *     (raised to a whole number of scrape intervals on every read, {@link CountingInterval})
 * @param dispersionRange how far back the index of dispersion looks (its sample count is range/τ)
 */
public record PrometheusSettings(
    URI baseUrl,
    Duration timeout,
    int retries,
    Duration backoff,
    Duration tickDeadline,
    Duration staleAfter,
    String namespaceLabel,
    Optional<Path> bearerTokenFile,
    Optional<BasicAuth> basicAuth,
    Optional<Path> caFile,
    Duration dispersionInterval,
    Duration dispersionRange) {

  /** User and password for basic authentication. */
  public record BasicAuth(String user, String password) {
    public BasicAuth {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "BasicAuth[user=" + user + ", password=***]";
    }
  }

  public PrometheusSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    String scheme = baseUrl.getScheme();
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new IllegalArgumentException(
          "prometheus URL must be http:// or https://, got '" + baseUrl + "'");
    }
    positive("timeout", timeout);
    positive("tickDeadline", tickDeadline);
    positive("staleAfter", staleAfter);
    positive("dispersionInterval", dispersionInterval);
    positive("dispersionRange", dispersionRange);
    Objects.requireNonNull(backoff, "backoff");
    if (backoff.isNegative()) {
      throw new IllegalArgumentException("backoff must be >= 0, got " + backoff);
    }
    if (retries < 0 || retries > 10) {
      throw new IllegalArgumentException("retries must be in [0, 10], got " + retries);
    }
    if (dispersionRange.compareTo(dispersionInterval.multipliedBy(3)) < 0) {
      throw new IllegalArgumentException(
          "dispersionRange must hold at least 3 intervals of "
              + dispersionInterval
              + ", got "
              + dispersionRange);
    }
    Objects.requireNonNull(namespaceLabel, "namespaceLabel");
    Objects.requireNonNull(bearerTokenFile, "bearerTokenFile");
    Objects.requireNonNull(basicAuth, "basicAuth");
    Objects.requireNonNull(caFile, "caFile");
    if (bearerTokenFile.isPresent() && basicAuth.isPresent()) {
      throw new IllegalArgumentException("use a bearer token file or basic auth, not both");
    }
  }

  private static void positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0, got " + d);
    }
  }

  /** The defaults for a Prometheus at {@code baseUrl}. */
  public static PrometheusSettings of(String baseUrl) {
    return builder(URI.create(baseUrl)).build();
  }

  public static Builder builder(URI baseUrl) {
    return new Builder(baseUrl);
  }

  /** A builder starting from this value. */
  public Builder toBuilder() {
    Builder b = new Builder(baseUrl);
    b.timeout = timeout;
    b.retries = retries;
    b.backoff = backoff;
    b.tickDeadline = tickDeadline;
    b.staleAfter = staleAfter;
    b.namespaceLabel = namespaceLabel;
    b.bearerTokenFile = bearerTokenFile.orElse(null);
    b.basicAuth = basicAuth.orElse(null);
    b.caFile = caFile.orElse(null);
    b.dispersionInterval = dispersionInterval;
    b.dispersionRange = dispersionRange;
    return b;
  }

  /** The query endpoint: {@code baseUrl + /api/v1/query}, keeping any path prefix. */
  public URI queryUri() {
    return endpoint("/api/v1/query");
  }

  /** An API path below the base URL, keeping any path prefix. */
  public URI endpoint(String apiPath) {
    String base = baseUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + apiPath);
  }

  /** Builds {@link PrometheusSettings}; every field has the default named in the class Javadoc. */
  public static final class Builder {
    private final URI baseUrl;
    private Duration timeout = Duration.ofSeconds(5);
    private int retries = 2;
    private Duration backoff = Duration.ofMillis(200);
    private Duration tickDeadline = Duration.ofSeconds(20);
    private Duration staleAfter = Duration.ofMinutes(2);
    private String namespaceLabel = "namespace";
    private Path bearerTokenFile;
    private BasicAuth basicAuth;
    private Path caFile;
    private Duration dispersionInterval = Duration.ofSeconds(10);
    private Duration dispersionRange = Duration.ofMinutes(10);

    private Builder(URI baseUrl) {
      this.baseUrl = baseUrl;
    }

    public Builder timeout(Duration v) {
      timeout = v;
      return this;
    }

    public Builder retries(int v) {
      retries = v;
      return this;
    }

    public Builder backoff(Duration v) {
      backoff = v;
      return this;
    }

    public Builder tickDeadline(Duration v) {
      tickDeadline = v;
      return this;
    }

    public Builder staleAfter(Duration v) {
      staleAfter = v;
      return this;
    }

    public Builder namespaceLabel(String v) {
      namespaceLabel = v;
      return this;
    }

    public Builder bearerTokenFile(Path v) {
      bearerTokenFile = v;
      return this;
    }

    public Builder basicAuth(String user, String password) {
      basicAuth = new BasicAuth(user, password);
      return this;
    }

    public Builder caFile(Path v) {
      caFile = v;
      return this;
    }

    public Builder dispersion(Duration interval, Duration range) {
      dispersionInterval = interval;
      dispersionRange = range;
      return this;
    }

    public PrometheusSettings build() {
      return new PrometheusSettings(
          baseUrl,
          timeout,
          retries,
          backoff,
          tickDeadline,
          staleAfter,
          namespaceLabel,
          Optional.ofNullable(bearerTokenFile),
          Optional.ofNullable(basicAuth),
          Optional.ofNullable(caFile),
          dispersionInterval,
          dispersionRange);
    }
  }
}
