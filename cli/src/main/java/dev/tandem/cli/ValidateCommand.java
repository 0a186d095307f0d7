package dev.tandem.cli;

import dev.tandem.config.policy.GpuPoolDefinition;
import dev.tandem.config.policy.GpuPoolLoader;
import dev.tandem.config.policy.PolicySet;
import dev.tandem.config.policy.SlaPolicyLoader;
import dev.tandem.config.yaml.Problems;
import dev.tandem.config.yaml.YamlDocument;
import dev.tandem.config.yaml.YamlFiles;
import dev.tandem.profiles.binding.BoundPolicies;
import dev.tandem.profiles.binding.PolicyProfileBinder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tandem validate PATH...}: checks SLA policies and performance profiles (files, or
 * directories of {@code *.yaml}/{@code *.yml}) and lists every problem with its file, line, column
 * and field path. Policies are checked against the profiles they name.
 */
@Command(
    name = "validate",
    description = {
      "Check SLA policy, GPU pool and performance profile files (or directories of them).",
      "Every problem is listed as file:line:column: field.path: what is wrong.",
      "What is valid goes to stdout; when the check fails, its warnings, errors and the",
      "summary all go to stderr.",
      "Exit status: 0 valid, 1 invalid (or warnings with --strict), 2 usage error."
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to check.")
  List<Path> paths;

  @Option(names = "--strict", description = "Fail on warnings too.")
  boolean strict;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Problems problems = new Problems();
    List<YamlDocument> documents = new ArrayList<>();
    for (Path path : paths) {
      documents.addAll(YamlFiles.readAll(path, problems));
    }
    PolicySet policies =
        new SlaPolicyLoader(List.of(ProfileDocuments.KIND, GpuPoolDefinition.KIND))
            .read(documents, problems);
    ProfileDocuments profiles = ProfileDocuments.check(policies.otherDocuments(), problems);
    List<GpuPoolDefinition> pools = GpuPoolLoader.read(policies.otherDocuments(), problems);
    GpuPoolLoader.checkReferences(policies.policies(), pools, problems);
    BoundPolicies bound = PolicyProfileBinder.bind(policies, problems);

    int errors = problems.size();
    List<String> warnings = new ArrayList<>(profiles.warnings());
    bound.warnings().forEach(w -> warnings.add(w.toString()));
    bound.bound().forEach(p -> out.println("ok      " + Summaries.policy(p)));
    profiles.summaries().forEach(s -> out.println("ok      " + s));
    pools.forEach(
        p ->
            out.println(
                "ok      " + p.origin() + ": GpuPool " + p.name() + " (" + p.maxGpus() + " GPUs)"));
    boolean failed = errors > 0 || (strict && !warnings.isEmpty());
    // a failed run reports on one stream: its warnings, errors and the summary all go to stderr,
    // so neither `2>/dev/null` nor `>/dev/null` leaves a count without the problems it counts
    PrintWriter report = failed ? err : out;
    warnings.forEach(w -> report.println("warning " + w));
    problems.list().forEach(p -> err.println("error   " + p));
    report.printf(
        "%d %s, %d %s: %d %s, %d %s%n",
        bound.bound().size(),
        plural(bound.bound().size(), "valid policy", "valid policies"),
        profiles.summaries().size(),
        plural(profiles.summaries().size(), "valid profile", "valid profiles"),
        errors,
        plural(errors, "error", "errors"),
        warnings.size(),
        plural(warnings.size(), "warning", "warnings"));
    out.flush();
    err.flush();
    return failed ? 1 : 0;
  }

  private static String plural(int n, String one, String many) {
    return n == 1 ? one : many;
  }
}
