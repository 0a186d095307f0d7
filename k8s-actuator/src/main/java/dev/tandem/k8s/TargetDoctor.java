package dev.tandem.k8s;

import dev.tandem.config.policy.ScaledRole;
import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.k8s.targets.GraphDeploymentStrategy;
import dev.tandem.k8s.targets.ObjectRef;
import dev.tandem.k8s.targets.Ownership;
import dev.tandem.k8s.targets.Refusal;
import dev.tandem.k8s.targets.Replicas;
import dev.tandem.k8s.targets.ResolvedObject;
import dev.tandem.k8s.targets.Targets;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code tandem targets check} shows: for every role of a policy, each object its target
 * resolves to, what it reports, who owns it, whether another autoscaler holds it, whether Tandem
 * would refuse it, and whether this identity may write it (a SelfSubjectAccessReview for the very
 * verb and subresource the actuator uses). Read-only: it writes nothing but the review.
 */
public final class TargetDoctor {

  /**
   * One object of one role.
   *
   * @param role the role ({@code prefill}, {@code decode}, {@code router})
   * @param object {@code Kind namespace/name}, or the target as written when it did not resolve
   * @param replicas what the object reports, when found
   * @param owner its owner references ({@code Kind/name}), or "none"
   * @param conflict the HPA or KEDA ScaledObject that already scales it
   * @param refusal why the actuator would refuse it (Dynamo ownership, adapter, paused)
   * @param mayWrite the access review's answer for the write, with its reason
   * @param problem why the object could not be checked (not found, API error)
   */
  public record Finding(
      String role,
      String object,
      Optional<Replicas> replicas,
      String owner,
      Optional<String> conflict,
      Optional<String> refusal,
      String mayWrite,
      Optional<String> problem) {

    /** Whether Tandem would write this object as things stand. */
    public boolean ok() {
      return problem.isEmpty()
          && conflict.isEmpty()
          && refusal.isEmpty()
          && mayWrite.startsWith("yes");
    }
  }

  private final KubernetesClient client;
  private final Targets targets;

  public TargetDoctor(KubernetesClient client) {
    this.client = client;
    this.targets = new Targets(client);
  }

  public List<Finding> check(SlaPolicy policy) {
    List<Finding> findings = new ArrayList<>();
    for (ScaledRole role : policy.roles().all()) {
      String name = role.role().yamlName();
      List<ResolvedObject> objects;
      try {
        objects = targets.resolve(role.target());
      } catch (RuntimeException e) {
        findings.add(failed(name, role.target().toString(), e));
        continue;
      }
      for (ResolvedObject o : objects) {
        findings.add(check(name, o));
      }
    }
    return findings;
  }

  private Finding check(String role, ResolvedObject o) {
    ObjectRef ref = o.ref();
    try {
      GenericKubernetesResource live = targets.get(ref);
      if (live == null) {
        return new Finding(
            role,
            ref.toString(),
            Optional.empty(),
            "-",
            Optional.empty(),
            Optional.empty(),
            "-",
            Optional.of("not found"));
      }
      Replicas replicas = o.strategy().read(client, ref, live);
      Optional<String> refusal = o.strategy().refusal(client, ref, live).map(Refusal::message);
      Map<String, String> annotations = live.getMetadata().getAnnotations();
      if (refusal.isEmpty()
          && annotations != null
          && "true".equals(annotations.get(KubernetesActuator.PAUSED_ANNOTATION))) {
        refusal = Optional.of("paused (" + KubernetesActuator.PAUSED_ANNOTATION + ": \"true\")");
      }
      return new Finding(
          role,
          ref.toString(),
          Optional.of(replicas),
          Ownership.describeOwners(live),
          Autoscalers.conflicting(client, o.strategy().autoscaledObject(ref)),
          refusal,
          mayWrite(ref, o.strategy() instanceof GraphDeploymentStrategy),
          Optional.empty());
    } catch (RuntimeException e) {
      return failed(role, ref.toString(), e);
    }
  }

  /** Asks the API server whether this identity may do the actuator's write on the object. */
  private String mayWrite(ObjectRef ref, boolean mergePatch) {
    SelfSubjectAccessReview review =
        new SelfSubjectAccessReviewBuilder()
            .withNewSpec()
            .withNewResourceAttributes()
            .withGroup(ref.group())
            .withResource(ref.plural())
            .withSubresource(mergePatch ? null : "scale")
            .withVerb(mergePatch ? "patch" : "update")
            .withNamespace(ref.namespace())
            .withName(ref.name())
            .endResourceAttributes()
            .endSpec()
            .build();
    SelfSubjectAccessReview answer =
        client.authorization().v1().selfSubjectAccessReview().create(review);
    String what = (mergePatch ? "patch " : "update ") + ref.plural() + (mergePatch ? "" : "/scale");
    if (answer == null || answer.getStatus() == null) {
      return "unknown (" + what + ": the API server gave no answer)";
    }
    boolean allowed = Boolean.TRUE.equals(answer.getStatus().getAllowed());
    String reason = answer.getStatus().getReason();
    return (allowed ? "yes" : "no")
        + " ("
        + what
        + (reason == null || reason.isBlank() ? "" : ": " + reason)
        + ")";
  }

  private static Finding failed(String role, String object, RuntimeException e) {
    return new Finding(
        role,
        object,
        Optional.empty(),
        "-",
        Optional.empty(),
        Optional.empty(),
        "-",
        Optional.of(describe(e)));
  }

  /** The exception and its root cause (e.g. "Connection refused"), on one line. */
  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    return root == e
        ? text
        : text + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
  }

  /** The findings as the doctor prints them, one block per object. */
  public static String render(List<Finding> findings) {
    StringBuilder out = new StringBuilder();
    for (Finding f : findings) {
      out.append(f.ok() ? "ok      " : "problem ")
          .append(f.role())
          .append(": ")
          .append(f.object())
          .append('\n');
      f.replicas()
          .ifPresent(
              r ->
                  out.append("  replicas: ")
                      .append(r.desired())
                      .append(" desired, ")
                      .append(r.ready())
                      .append(" ready, ")
                      .append(r.updated().map(String::valueOf).orElse("?"))
                      .append(" updated, ")
                      .append(r.observed())
                      .append(" observed")
                      .append(r.minAvailable() > 0 ? ", minAvailable " + r.minAvailable() : "")
                      .append(r.rolloutInProgress() ? ", rollout in progress" : "")
                      .append(" (")
                      .append(r.note())
                      .append(")\n"));
      if (f.problem().isEmpty()) {
        out.append("  owner: ").append(f.owner()).append('\n');
        out.append("  autoscaler conflict: ").append(f.conflict().orElse("none")).append('\n');
        f.refusal().ifPresent(r -> out.append("  refused: ").append(r).append('\n'));
        out.append("  may write: ").append(f.mayWrite()).append('\n');
      }
      f.problem().ifPresent(p -> out.append("  error: ").append(p).append('\n'));
    }
    long bad = findings.stream().filter(f -> !f.ok()).count();
    out.append(findings.size())
        .append(" objects checked, ")
        .append(bad)
        .append(bad == 1 ? " problem" : " problems")
        .append('\n');
    return out.toString();
  }
}
