package dev.tandem.config.policy;

import java.time.Duration;

/**
 * Scaling behaviour of each role, defaults filled in.
 *
 * @param startupTime the deployment-wide engine start-up time (default 3m), used by every role that
 *     does not set its own
 * @param prefill behaviour of the prefill role
 * @param decode behaviour of the decode role
 * @param router behaviour of the router role (defaults even when there is no router)
 */
public record Behavior(
    Duration startupTime, RoleBehavior prefill, RoleBehavior decode, RoleBehavior router) {

  public Behavior {
    Check.present("startupTime", startupTime);
    Check.present("prefill", prefill);
    Check.present("decode", decode);
    Check.present("router", router);
    Check.valid("startupTime", Check.positive(startupTime));
  }

  /** Every role at its defaults, with the given start-up time. */
  public static Behavior defaults(Duration startupTime) {
    return new Behavior(
        startupTime,
        RoleBehavior.defaults(Role.PREFILL, startupTime),
        RoleBehavior.defaults(Role.DECODE, startupTime),
        RoleBehavior.defaults(Role.ROUTER, startupTime));
  }

  public RoleBehavior of(Role role) {
    return switch (role) {
      case PREFILL -> prefill;
      case DECODE -> decode;
      case ROUTER -> router;
    };
  }
}
