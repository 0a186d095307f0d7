package dev.tandem.cli;

import dev.tandem.profiles.io.PerformanceProfileLoader;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.profiles.report.ProfileReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tandem profile show FILE}: the measured curves, a capacity table and the plausibility
 * findings of a profile, as text people can read.
 */
@Command(
    name = "show",
    description = {
      "Print a profile's curves, its capacity per engine and its plausibility findings.",
      "Exit status: 0 plausible, 1 invalid or implausible, 2 usage error."
    })
final class ProfileShowCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Profile files (our format).")
  java.util.List<Path> files;

  @Override
  public Integer call() {
    int status = 0;
    for (Path file : files) {
      for (PerformanceProfile profile : PerformanceProfileLoader.loadAll(file)) {
        spec.commandLine().getOut().println(ProfileReport.render(profile));
        if (dev.tandem.profiles.check.ProfileChecks.hasErrors(
            dev.tandem.profiles.check.ProfileChecks.check(profile))) {
          status = 1;
        }
      }
    }
    spec.commandLine().getOut().flush();
    return status;
  }
}
