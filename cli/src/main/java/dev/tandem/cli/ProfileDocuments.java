package dev.tandem.cli;

import dev.tandem.config.yaml.InvalidInputException;
import dev.tandem.config.yaml.Problems;
import dev.tandem.config.yaml.SourceLocation;
import dev.tandem.config.yaml.YamlDocument;
import dev.tandem.profiles.check.Finding;
import dev.tandem.profiles.check.ProfileChecks;
import dev.tandem.profiles.check.Severity;
import dev.tandem.profiles.io.PerformanceProfileLoader;
import dev.tandem.profiles.model.PerformanceProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code PerformanceProfile} documents found while validating: each is loaded and run through
 * the plausibility checks; errors become problems at the document, warnings are listed.
 */
record ProfileDocuments(List<String> summaries, List<String> warnings) {

  static final String KIND = "PerformanceProfile";

  static ProfileDocuments check(List<YamlDocument> documents, Problems problems) {
    List<String> summaries = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (YamlDocument document : documents) {
      if (!PerformanceProfileLoader.isProfile(document)) {
        continue;
      }
      SourceLocation where = locationOf(document);
      try {
        PerformanceProfile profile = PerformanceProfileLoader.load(document);
        List<Finding> findings = ProfileChecks.check(profile);
        for (Finding f : findings) {
          if (f.severity() == Severity.ERROR) {
            problems.add(where, "", f.code() + ": " + f.where() + ": " + f.message());
          } else if (f.severity() == Severity.WARNING) {
            warnings.add(where + ": " + f.code() + ": " + f.where() + ": " + f.message());
          }
        }
        if (!ProfileChecks.hasErrors(findings)) {
          summaries.add(where + ": " + Summaries.profile(profile));
        }
      } catch (InvalidInputException e) {
        problems.addAll(e.problems());
      }
    }
    return new ProfileDocuments(summaries, warnings);
  }

  private static SourceLocation locationOf(YamlDocument document) {
    var mark = document.root().getStartMark();
    return mark == null
        ? SourceLocation.ofSource(document.source())
        : new SourceLocation(document.source(), mark.getLine() + 1, mark.getColumn() + 1);
  }
}
