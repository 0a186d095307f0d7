package dev.tandem.profiles.binding;

import dev.tandem.config.policy.PolicySet;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.config.yaml.Problem;
import dev.tandem.profiles.model.PerformanceProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Policies with the profiles their roles name, loaded once per file.
 *
 * @param policies every policy that was read
 * @param bound the policies whose roles found a usable profile that fits them
 * @param profiles every referenced profile by its resolved path
 * @param warnings what is suspicious but not wrong (a profile warning, an SLA the profile barely
 *     allows), each at the policy field it concerns
 */
public record BoundPolicies(
    PolicySet policies,
    List<SlaPolicy> bound,
    Map<Path, PerformanceProfile> profiles,
    List<Problem> warnings) {

  public BoundPolicies {
    bound = List.copyOf(bound);
    profiles = Map.copyOf(profiles);
    warnings = List.copyOf(warnings);
  }

  /** The profile a role's {@code profile} field names. */
  public PerformanceProfile profile(Path path) {
    PerformanceProfile profile = profiles.get(path);
    if (profile == null) {
      throw new IllegalArgumentException("no profile was bound for " + path);
    }
    return profile;
  }
}
