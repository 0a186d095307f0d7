package dev.tandem.profiles.dynamo;

import dev.tandem.profiles.check.Finding;
import dev.tandem.profiles.check.ProfileChecks;
import dev.tandem.profiles.model.PerformanceProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * One profile produced by an import, with what the importer found and did (recomputed values,
 * ignored columns). Never silent: every change to the source numbers is a finding here.
 */
public record ImportedProfile(PerformanceProfile profile, List<Finding> findings) {

  public ImportedProfile {
    findings = List.copyOf(findings);
  }

  /** The import findings followed by {@link ProfileChecks#check} of the imported profile. */
  public List<Finding> allFindings() {
    List<Finding> all = new ArrayList<>(findings);
    all.addAll(ProfileChecks.check(profile));
    return all;
  }
}
