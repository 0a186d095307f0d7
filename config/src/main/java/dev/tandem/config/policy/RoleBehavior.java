package dev.tandem.config.policy;

import java.time.Duration;

/**
 * How fast one role moves.
 *
 * @param interval time between two decisions for this role, at least 5s
 * @param scaleUpLimitReplicas most replicas (engines) added in one decision, at least 1
 * @param scaleDownStabilization a decrease takes effect only when every recommendation in this
 *     window allows it (as in the Kubernetes HPA); 0s or longer
 * @param tolerance relative change below which the role is left alone, in [0, 0.5): 0.1 means a
 *     recommendation within ±10% of the current count changes nothing
 * @param startupTime time a new replica needs from creation until it serves (image pull, weights,
 *     warm-up), longer than zero; the forecast looks this far ahead
 * @param maxScaleDownsPerHour most scale-downs begun in any hour, at least 1: once a role has begun
 *     this many in the last hour, further decreases wait (increases never do, the SLA comes first),
 *     so a forecast that keeps changing its mind cannot make the role flap. A run of decreases with
 *     no increase between them (a descent in steps) is one scale-down
 */
public record RoleBehavior(
    Duration interval,
    int scaleUpLimitReplicas,
    Duration scaleDownStabilization,
    double tolerance,
    Duration startupTime,
    int maxScaleDownsPerHour) {

  /** The shortest allowed interval. */
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(5);

  /**
   * The default bound on scale-downs per hour: one per five minutes on average, enough to follow a
   * swing of ten minutes (one descent per cycle) with room for as many turns again, not enough to
   * flap every decision.
   */
  public static final int DEFAULT_MAX_SCALE_DOWNS_PER_HOUR = 12;

  /** The default start-up time of an engine. */
  public static final Duration DEFAULT_STARTUP_TIME = Duration.ofMinutes(3);

  public RoleBehavior {
    Check.present("interval", interval);
    Check.present("scaleDownStabilization", scaleDownStabilization);
    Check.present("startupTime", startupTime);
    Check.valid("interval", Check.atLeast(interval, MIN_INTERVAL));
    Check.valid("scaleUpLimit", Check.atLeast(scaleUpLimitReplicas, 1));
    Check.valid("scaleDownStabilization", Check.notNegative(scaleDownStabilization));
    Check.valid("tolerance", Check.halfOpenRange(tolerance, 0, 0.5));
    Check.valid("startupTime", Check.positive(startupTime));
    Check.valid("maxScaleDownsPerHour", Check.atLeast(maxScaleDownsPerHour, 1));
  }

  /** A behaviour with the default bound on decreases per hour. */
  public RoleBehavior(
      Duration interval,
      int scaleUpLimitReplicas,
      Duration scaleDownStabilization,
      double tolerance,
      Duration startupTime) {
    this(
        interval,
        scaleUpLimitReplicas,
        scaleDownStabilization,
        tolerance,
        startupTime,
        DEFAULT_MAX_SCALE_DOWNS_PER_HOUR);
  }

  /**
   * The defaults of a role. Prefill (and router) react faster than decode: a prefill queue builds
   * up in seconds, while decode load moves with the slower population of requests in flight and a
   * decode scale-down evicts long generations.
   *
   * <ul>
   *   <li>prefill, router: interval 30s, scaleUpLimit 4, scaleDownStabilization 5m, tolerance 0.1,
   *       maxScaleDownsPerHour 12
   *   <li>decode: interval 60s, scaleUpLimit 2, scaleDownStabilization 10m, tolerance 0.1,
   *       maxScaleDownsPerHour 12
   * </ul>
   */
  public static RoleBehavior defaults(Role role, Duration startupTime) {
    return role == Role.DECODE
        ? new RoleBehavior(Duration.ofSeconds(60), 2, Duration.ofMinutes(10), 0.1, startupTime)
        : new RoleBehavior(Duration.ofSeconds(30), 4, Duration.ofMinutes(5), 0.1, startupTime);
  }
}
