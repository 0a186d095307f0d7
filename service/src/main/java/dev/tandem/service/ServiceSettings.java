package dev.tandem.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code tandem.*} setting of the service (application.yaml or environment variables, e.g.
 * {@code TANDEM_POLICIES=/etc/tandem/policies}); the table is in {@code service/SERVICE.md}.
 *
 * @param policies the directory (or file) of SlaPolicy, PerformanceProfile and GpuPool documents
 * @param policyPoll how often the directory is checked for changes
 * @param tickPeriod wall time between two loop ticks; each role still decides only on its own
 *     interval, so this only bounds how late a due role is visited
 * @param forecastBackfill how much metrics history warms the forecast of a deployment seen for the
 *     first time (no stored history): one past reading per forecast tick, read at the first tick;
 *     0s turns it off
 * @param forceAdvisory when true every policy runs advisory (decides and reports, never writes)
 * @param checkpoint where and how often the loop's histories are saved
 * @param api REST limits
 * @param auth who may call the API
 * @param leaderElection whether only the Lease holder ticks
 * @param prometheus where metrics are read (used by the Prometheus adapter)
 * @param kubernetes how the Kubernetes API is reached (used by the actuator and by auth)
 */
@ConfigurationProperties(prefix = "tandem")
public record ServiceSettings(
    @DefaultValue("/etc/tandem/policies") Path policies,
    @DefaultValue("2s") Duration policyPoll,
    @DefaultValue("5s") Duration tickPeriod,
    @DefaultValue("1h") Duration forecastBackfill,
    @DefaultValue("false") boolean forceAdvisory,
    @DefaultValue Checkpoint checkpoint,
    @DefaultValue Api api,
    @DefaultValue Auth auth,
    @DefaultValue LeaderElection leaderElection,
    @DefaultValue Prometheus prometheus,
    @DefaultValue Kubernetes kubernetes) {

  public ServiceSettings {
    if (forecastBackfill.isNegative()) {
      throw new IllegalArgumentException(
          "tandem.forecast-backfill must be 0s or longer, got " + forecastBackfill);
    }
  }

  /**
   * @param file the checkpoint file; blank disables checkpoints
   * @param interval at most one write per interval (and one at shutdown)
   */
  public record Checkpoint(@DefaultValue("") String file, @DefaultValue("30s") Duration interval) {

    /** The file, unless blank (checkpoints off). */
    public Optional<Path> path() {
      return file == null || file.isBlank() ? Optional.empty() : Optional.of(Path.of(file));
    }
  }

  /**
   * @param maxBodyBytes larger request bodies are refused with 413
   * @param recentPlans plans kept per deployment for {@code GET /v1/deployments/...}
   */
  public record Api(@DefaultValue("65536") int maxBodyBytes, @DefaultValue("20") int recentPlans) {}

  /**
   * @param mode {@code kubernetes} (TokenReview + SubjectAccessReview) or {@code none} (only
   *     allowed when the server listens on loopback)
   * @param protectReads also require a valid token (TokenReview only) for GET endpoints
   */
  public record Auth(
      @DefaultValue("kubernetes") String mode, @DefaultValue("false") boolean protectReads) {

    public boolean enabled() {
      return !"none".equals(mode);
    }
  }

  /**
   * @param enabled when true only the holder of the Lease ticks (and the pod is ready only once it
   *     has joined the election)
   * @param leaseName the Lease object
   * @param leaseNamespace its namespace
   * @param leaseDuration how long a lease is valid without renewal
   */
  public record LeaderElection(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("tandem-leader") String leaseName,
      @DefaultValue("tandem-system") String leaseNamespace,
      @DefaultValue("15s") Duration leaseDuration) {}

  /**
   * @param url Prometheus base URL
   * @param bearerTokenFile a file holding a bearer token, re-read when it changes (blank: none)
   * @param caFile a PEM bundle of the CA that signed Prometheus' certificate (blank: the JVM's)
   * @param timeout per query
   * @param dispersionInterval τ of the arrival burstiness: arrivals are counted per τ, raised on
   *     every read to a whole number of the engines' scrape intervals (15 s with a 15 s scrape)
   * @param dispersionRange how far back the burstiness looks (at least 3 τ)
   */
  public record Prometheus(
      @DefaultValue("http://prometheus-operated.monitoring:9090") String url,
      @DefaultValue("") String bearerTokenFile,
      @DefaultValue("") String caFile,
      @DefaultValue("5s") Duration timeout,
      @DefaultValue("10s") Duration dispersionInterval,
      @DefaultValue("10m") Duration dispersionRange) {}

  /**
   * @param kubeconfig a kubeconfig file; empty: in-cluster service account, then {@code
   *     ~/.kube/config} (fabric8's usual order)
   * @param requestTimeout per API request
   */
  public record Kubernetes(
      @DefaultValue("") String kubeconfig, @DefaultValue("10s") Duration requestTimeout) {}
}
