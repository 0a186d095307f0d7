package dev.tandem.cli;

import dev.tandem.config.policy.GpuPoolDefinition;
import dev.tandem.config.policy.PolicySet;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.config.policy.SlaPolicyLoader;
import dev.tandem.config.yaml.Problems;
import dev.tandem.k8s.TargetDoctor;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem targets}: what Tandem sees of the objects its policies scale. */
@Command(
    name = "targets",
    description = "Inspect the Kubernetes objects that policies scale.",
    mixinStandardHelpOptions = true,
    subcommands = {TargetsCommand.Check.class})
final class TargetsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code tandem targets check --policy FILE [--kubeconfig F]}: resolves every role's target and
   * says, object by object, why Tandem would or would not write it, before it does.
   */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Resolve every role's target in the cluster and print, per object: kind, name, desired,"
            + " ready and updated replicas, owner, any HPA or KEDA conflict, any refusal (Dynamo"
            + " ownership, paused), and whether this identity may write it"
            + " (SelfSubjectAccessReview). Writes nothing.",
        "Exit status: 0 every object writable, 1 a problem found or invalid policy, 2 usage error."
      })
  static final class Check implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
        names = "--policy",
        required = true,
        paramLabel = "FILE",
        description = "SLA policy file (all its policies are checked).")
    Path policy;

    @Option(
        names = "--kubeconfig",
        paramLabel = "FILE",
        description = "kubeconfig to use (default: $KUBECONFIG, ~/.kube/config or in-cluster).")
    Path kubeconfig;

    @Override
    public Integer call() throws IOException {
      Problems problems = new Problems();
      PolicySet set =
          new SlaPolicyLoader(List.of(ProfileDocuments.KIND, GpuPoolDefinition.KIND))
              .read(policy, problems);
      problems.throwIfAny();
      List<TargetDoctor.Finding> findings = new ArrayList<>();
      try (KubernetesClient client = client()) {
        TargetDoctor doctor = new TargetDoctor(client);
        for (SlaPolicy p : set.policies()) {
          spec.commandLine().getOut().println("policy " + p.key() + " (" + p.mode() + ")");
          List<TargetDoctor.Finding> found = doctor.check(p);
          spec.commandLine().getOut().print(TargetDoctor.render(found));
          findings.addAll(found);
        }
      }
      spec.commandLine().getOut().flush();
      return findings.stream().allMatch(TargetDoctor.Finding::ok) ? 0 : TandemCli.INVALID_INPUT;
    }

    private KubernetesClient client() throws IOException {
      if (kubeconfig == null) {
        return new KubernetesClientBuilder().build();
      }
      if (!Files.isRegularFile(kubeconfig)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--kubeconfig: " + kubeconfig + " is not a file");
      }
      Config config = Config.fromKubeconfig(Files.readString(kubeconfig));
      return new KubernetesClientBuilder().withConfig(config).build();
    }
  }
}
