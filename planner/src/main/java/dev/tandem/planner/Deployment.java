package dev.tandem.planner;

import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.planner.sizing.ItlLines;
import dev.tandem.profiles.capacity.ProfileCapacity;
import dev.tandem.profiles.model.PerformanceProfile;
import java.util.Objects;

/**
 * One deployment under Tandem: its policy and its roles' profiles, prepared once for fast queries
 * (the profile curves and the decode ITL index are built here, not per decision).
 *
 * @param policy the SLA policy
 * @param prefill capacity queries on the prefill role's profile
 * @param decode ITL lines of the decode role's profile
 */
public record Deployment(SlaPolicy policy, ProfileCapacity prefill, ItlLines decode) {

  public Deployment {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(prefill, "prefill");
    Objects.requireNonNull(decode, "decode");
  }

  public static Deployment of(
      SlaPolicy policy, PerformanceProfile prefillProfile, PerformanceProfile decodeProfile) {
    ProfileCapacity prefill = new ProfileCapacity(prefillProfile);
    ProfileCapacity decode =
        decodeProfile == prefillProfile ? prefill : new ProfileCapacity(decodeProfile);
    return new Deployment(policy, prefill, new ItlLines(decode));
  }

  public DeploymentKey key() {
    return DeploymentKey.of(policy);
  }
}
