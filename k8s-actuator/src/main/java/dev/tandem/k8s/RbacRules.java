package dev.tandem.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every Kubernetes API call the actuator, the state reader, leader election, the doctor and the
 * service's API authentication make, as RBAC rules: the Helm chart renders exactly this list, and a
 * test checks that every request the code sends in its tests is covered by one of these rules.
 * {@code main} writes the ClusterRole rules YAML and the verb-by-verb table.
 */
public final class RbacRules {

  /**
   * One rule: an API group, one resource (with its subresource, e.g. {@code podcliques/scale}), the
   * verbs, and why Tandem needs them.
   */
  public record Rule(String apiGroup, String resource, List<String> verbs, String why) {

    public Rule {
      verbs = List.copyOf(verbs);
    }

    public boolean allows(String group, String resource, String verb) {
      return apiGroup.equals(group) && this.resource.equals(resource) && verbs.contains(verb);
    }
  }

  private static final List<String> READ = List.of("get", "list", "watch");
  private static final List<String> SCALE = List.of("get", "update", "patch");

  private static final List<Rule> RULES =
      List.of(
          new Rule("grove.io", "podcliques", READ, "read spec, status, owners, annotations"),
          new Rule("grove.io", "podcliques/scale", SCALE, "write a clique's replicas"),
          new Rule("grove.io", "podcliquescalinggroups", READ, "read spec, status, owners"),
          new Rule(
              "grove.io",
              "podcliquescalinggroups/scale",
              SCALE,
              "write a scaling group's replicas"),
          new Rule(
              "grove.io",
              "podcliquesets",
              READ,
              "resolve <pcs>-<index>-<member> names; follow owners to a Dynamo graph"),
          new Rule("scheduler.grove.io", "podgangs", READ, "gangs not scheduled count as pending"),
          new Rule("leaderworkerset.x-k8s.io", "leaderworkersets", READ, "read spec and status"),
          new Rule("leaderworkerset.x-k8s.io", "leaderworkersets/scale", SCALE, "write LWS groups"),
          new Rule(
              "disaggregatedset.x-k8s.io",
              "disaggregatedsets",
              READ,
              "readiness of a role: status.roleStatuses"),
          new Rule(
              "disaggregatedset.x-k8s.io",
              "disaggregatedsetrolescalers",
              READ,
              "read the role scaler"),
          new Rule(
              "disaggregatedset.x-k8s.io",
              "disaggregatedsetrolescalers/scale",
              SCALE,
              "write a role's replicas (scaling.mode External)"),
          new Rule(
              "nvidia.com",
              "dynamographdeployments",
              List.of("get", "list", "watch", "patch"),
              "readiness of graph services; merge-patch spec.services.<svc>.replicas when the"
                  + " service has no scaling adapter"),
          new Rule(
              "nvidia.com",
              "dynamographdeploymentscalingadapters",
              READ,
              "read the adapter and its dgdRef"),
          new Rule(
              "nvidia.com",
              "dynamographdeploymentscalingadapters/scale",
              SCALE,
              "write a graph service's replicas through its adapter"),
          new Rule("apps", "deployments", READ, "read spec and status"),
          new Rule("apps", "deployments/scale", SCALE, "write a Deployment's replicas"),
          new Rule("apps", "statefulsets", READ, "read spec and status"),
          new Rule("apps", "statefulsets/scale", SCALE, "write a StatefulSet's replicas"),
          new Rule("", "pods", READ, "unschedulable pods past the timeout count as pending"),
          new Rule("", "events", List.of("create", "patch"), "an Event on the target per write"),
          new Rule(
              "autoscaling",
              "horizontalpodautoscalers",
              READ,
              "refuse objects another autoscaler already scales"),
          new Rule("keda.sh", "scaledobjects", READ, "refuse objects KEDA already scales"),
          new Rule(
              "coordination.k8s.io",
              "leases",
              List.of("get", "create", "update", "patch"),
              "leader election: one replica of Tandem writes (fabric8 renews by patch)"),
          new Rule(
              "authorization.k8s.io",
              "selfsubjectaccessreviews",
              List.of("create"),
              "the doctor asks whether Tandem may write each target"),
          new Rule(
              "authentication.k8s.io",
              "tokenreviews",
              List.of("create"),
              "the service's API authenticates a caller's bearer token (as kube-rbac-proxy does)"),
          new Rule(
              "authorization.k8s.io",
              "subjectaccessreviews",
              List.of("create"),
              "the service's API asks whether that caller may update the target's /scale"));

  private RbacRules() {}

  public static List<Rule> rules() {
    return RULES;
  }

  /** Whether some rule allows {@code verb} on {@code group}/{@code resource}. */
  public static boolean allows(String group, String resource, String verb) {
    return RULES.stream().anyMatch(r -> r.allows(group, resource, verb));
  }

  /**
   * The rules for another kind with a scale subresource, named by a policy ({@code apiVersion} and
   * {@code kind}): the chart adds them from its values.
   */
  public static List<Rule> forExtraKind(String group, String plural) {
    return List.of(
        new Rule(group, plural, READ, "read spec and status"),
        new Rule(group, plural + "/scale", SCALE, "write replicas"));
  }

  /** The {@code rules:} of a ClusterRole, one rule per resource. */
  public static String yaml() {
    StringBuilder out = new StringBuilder("rules:\n");
    for (Rule r : RULES) {
      out.append("  # ").append(r.why()).append('\n');
      out.append("  - apiGroups: [\"").append(r.apiGroup()).append("\"]\n");
      out.append("    resources: [\"").append(r.resource()).append("\"]\n");
      out.append("    verbs: [")
          .append(r.verbs().stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ")))
          .append("]\n");
    }
    return out.toString();
  }

  /** A Markdown table: group, resource, verbs, why. */
  public static String markdown() {
    StringBuilder out =
        new StringBuilder("| API group | resource | verbs | why |\n|---|---|---|---|\n");
    for (Rule r : RULES) {
      out.append("| `")
          .append(r.apiGroup().isEmpty() ? "\"\" (core)" : r.apiGroup())
          .append("` | `")
          .append(r.resource())
          .append("` | ")
          .append(String.join(", ", r.verbs()))
          .append(" | ")
          .append(r.why())
          .append(" |\n");
    }
    return out.toString();
  }

  /** Writes {@code rbac-rules.yaml} and {@code rbac-rules.md} into the directory given. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "docs/rbac");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("rbac-rules.yaml"), yaml());
    Files.writeString(dir.resolve("rbac-rules.md"), markdown());
  }
}
