package dev.tandem.cli;

import dev.tandem.config.policy.GpuPoolDefinition;
import dev.tandem.config.policy.PolicySet;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.config.policy.SlaPolicyLoader;
import dev.tandem.config.yaml.Problems;
import dev.tandem.planner.Deployment;
import dev.tandem.planner.Recommender;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.profiles.binding.BoundPolicies;
import dev.tandem.profiles.binding.PolicyProfileBinder;
import dev.tandem.traces.Request;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tandem recommend --policy FILE --rate R --isl I --osl O}: the plan for a load given by
 * hand — the same computation as the REST dry-run ({@link Recommender}).
 */
@Command(
    name = "recommend",
    description = {
      "Recommend prefill and decode engines for a load, with predicted TTFT/ITL and reasons.",
      "Prints the GPUs used and the reason for every number. The load is taken as the forecast",
      "peak. Each role's headline shows the next step (current → desired, held by the step",
      "limit), the target (held by maxReplicas and the budget) and what the SLA needs.",
      "Exit status: 0 success, 1 invalid policy or profile, 2 usage error."
    })
final class RecommendCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--policy",
      required = true,
      paramLabel = "FILE",
      description = "SLA policy file.")
  Path policy;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "The policy's metadata.name when the file holds several.")
  String name;

  @Option(names = "--rate", required = true, paramLabel = "R", description = "Requests/s.")
  double rate;

  @Option(names = "--isl", required = true, paramLabel = "I", description = "Mean input tokens.")
  double isl;

  @Option(names = "--osl", required = true, paramLabel = "O", description = "Mean output tokens.")
  double osl;

  @Option(
      names = "--current",
      paramLabel = "P,D",
      description = "Current prefill,decode engines (default: the minimums).")
  String current;

  @Option(
      names = "--isl-cv",
      paramLabel = "X",
      defaultValue = "0",
      description = "Coefficient of variation of the input length (default ${DEFAULT-VALUE}).")
  double islCv;

  @Option(
      names = "--osl-cv",
      paramLabel = "X",
      defaultValue = "0",
      description = "Coefficient of variation of the output length (default ${DEFAULT-VALUE}).")
  double oslCv;

  @Option(
      names = "--arrival-cv2",
      paramLabel = "X",
      defaultValue = "1",
      description = "Squared CV of inter-arrival times; 1 = Poisson (default ${DEFAULT-VALUE}).")
  double arrivalCv2;

  @Option(
      names = "--prefix-hit",
      paramLabel = "F",
      defaultValue = "0",
      description = "Share of prompt tokens found in the prefix cache (default ${DEFAULT-VALUE}).")
  double prefixHit;

  @Override
  public Integer call() {
    checkRanges();
    Problems problems = new Problems();
    PolicySet set =
        new SlaPolicyLoader(List.of(ProfileDocuments.KIND, GpuPoolDefinition.KIND))
            .read(policy, problems);
    BoundPolicies bound = PolicyProfileBinder.bind(set, problems);
    problems.throwIfAny();
    SlaPolicy chosen = choose(bound.bound());
    Deployment deployment =
        Deployment.of(
            chosen,
            bound.profile(chosen.roles().prefill().profile()),
            bound.profile(chosen.roles().decode().profile()));
    Recommender.Load load;
    try {
      int[] counts = currentCounts();
      load =
          new Recommender.Load(
              rate,
              isl,
              islCv,
              osl,
              oslCv,
              arrivalCv2,
              prefixHit,
              counts == null ? OptionalInt.empty() : OptionalInt.of(counts[0]),
              counts == null ? OptionalInt.empty() : OptionalInt.of(counts[1]));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    ScalingPlan plan = new Recommender().recommend(deployment, load, Instant.now());
    spec.commandLine().getOut().print(SlaNeed.render(plan, deployment, load));
    spec.commandLine().getOut().flush();
    return 0;
  }

  /**
   * Each number against its range, named by its option: "rate -5.0 is out of range" left the user
   * to guess both the option and the range.
   */
  private void checkRanges() {
    range("--rate", rate, 0, 1e6, "requests/s");
    range("--isl", isl, Double.MIN_VALUE, Request.MAX_TOKENS, "tokens");
    range("--osl", osl, Double.MIN_VALUE, Request.MAX_TOKENS, "tokens");
    range("--isl-cv", islCv, 0, 100, "");
    range("--osl-cv", oslCv, 0, 100, "");
    range("--arrival-cv2", arrivalCv2, 0, 1e4, "");
    range("--prefix-hit", prefixHit, 0, 1, "(a share)");
  }

  private void range(String option, double value, double min, double max, String unit) {
    if (Double.isFinite(value) && value >= min && value <= max) {
      return;
    }
    String low = min == Double.MIN_VALUE ? "(0" : "[" + plain(min);
    throw new ParameterException(
        spec.commandLine(),
        option
            + " must be in "
            + low
            + ", "
            + plain(max)
            + "]"
            + (unit.isEmpty() ? "" : " " + unit)
            + ", got "
            + value);
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? String.format(java.util.Locale.ROOT, "%,d", (long) v) : "" + v;
  }

  private SlaPolicy choose(List<SlaPolicy> policies) {
    List<SlaPolicy> matching =
        policies.stream().filter(p -> name == null || p.name().equals(name)).toList();
    if (matching.size() != 1) {
      throw new ParameterException(
          spec.commandLine(),
          (matching.isEmpty() ? "no policy" : "several policies")
              + (name == null ? "" : " named " + name)
              + " in "
              + policy
              + "; found: "
              + policies.stream().map(SlaPolicy::name).toList()
              + (matching.isEmpty() ? "" : " (choose one with --name)"));
    }
    return matching.get(0);
  }

  private int[] currentCounts() {
    if (current == null) {
      return null;
    }
    String[] parts = current.split(",");
    if (parts.length != 2) {
      throw new IllegalArgumentException("--current must be P,D (e.g. 2,3), got " + current);
    }
    try {
      int p = Integer.parseInt(parts[0].strip());
      int d = Integer.parseInt(parts[1].strip());
      if (p < 0 || d < 0) {
        throw new IllegalArgumentException("--current counts must be >= 0, got " + current);
      }
      return new int[] {p, d};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--current must be two whole numbers, got " + current);
    }
  }
}
