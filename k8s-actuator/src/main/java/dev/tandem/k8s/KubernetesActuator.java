package dev.tandem.k8s;

import dev.tandem.k8s.targets.ObjectRef;
import dev.tandem.k8s.targets.Refusal;
import dev.tandem.k8s.targets.Replicas;
import dev.tandem.k8s.targets.ResolvedObject;
import dev.tandem.k8s.targets.Targets;
import dev.tandem.planner.ReplicaChange;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.ports.ScaleActuator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Writes a plan's replica counts to the cluster, safely. Per change, in order (decreases first, and
 * no increase after a decrease that was not applied, so the budget holds between two writes), per
 * object of the target:
 *
 * <ol>
 *   <li>read the live object (404: the target is gone);
 *   <li>refuse if {@code tandem.dev/paused: "true"}, if Dynamo owns it (the Dynamo operator would
 *       undo the write), if a HorizontalPodAutoscaler or KEDA ScaledObject already scales it;
 *   <li>hold (by default) if its replicas are not those the plan was made against, or a rollout is
 *       in progress;
 *   <li>never go below a Grove object's {@code minAvailable};
 *   <li>write conditionally on the read {@code resourceVersion}; on 409 re-read, re-check and retry
 *       (at most {@link ActuatorSettings#conflictRetries()} times), else skip to the next tick;
 *   <li>record an Event carrying the plan's reason.
 * </ol>
 *
 * Server errors and timeouts are counted, logged with the target, and reported; the next change and
 * every other deployment still run. Refusals and holds are reported as {@link TargetCondition
 * conditions} (and an Event), not as failures. The actuator decides nothing about counts: it only
 * refuses to do harm.
 */
public final class KubernetesActuator implements ScaleActuator {

  /** The annotation that stops Tandem from writing an object. */
  public static final String PAUSED_ANNOTATION = "tandem.dev/paused";

  private static final System.Logger LOG = System.getLogger(KubernetesActuator.class.getName());

  private final KubernetesClient client;
  private final ActuatorSettings settings;
  private final BooleanSupplier leader;
  private final Targets targets;
  private final EventRecorder events;
  private final ActuatorCounters counters = new ActuatorCounters();
  private final Map<String, TargetCondition> conditions = new ConcurrentHashMap<>();

  /** An actuator that always writes (a single replica of Tandem, or tests). */
  public KubernetesActuator(KubernetesClient client, ActuatorSettings settings) {
    this(client, settings, () -> true);
  }

  /**
   * @param leader whether this replica of Tandem holds the lease now ({@link
   *     LeaderElection#isLeader}); only the leader writes
   */
  public KubernetesActuator(
      KubernetesClient client, ActuatorSettings settings, BooleanSupplier leader) {
    this.client = client;
    this.settings = settings;
    this.leader = leader;
    this.targets = new Targets(client);
    this.events = new EventRecorder(client);
  }

  /** Applies the plan; throws {@link ActuationException} when any write failed. */
  @Override
  public void apply(ScalingPlan plan) {
    ActuationReport report = applyAndReport(plan);
    if (report.hasFailures()) {
      throw new ActuationException(report);
    }
  }

  /** Applies the plan and says what became of every change, object by object. */
  public ActuationReport applyAndReport(ScalingPlan plan) {
    List<WriteResult> results = new ArrayList<>();
    List<ReplicaChange> ordered =
        plan.changes().stream().sorted(Comparator.comparing(c -> c.isDecrease() ? 0 : 1)).toList();
    boolean leading = leader.getAsBoolean();
    boolean decreaseMissed = false;
    for (ReplicaChange change : ordered) {
      List<WriteResult> done;
      if (!leading) {
        done =
            List.of(
                result(
                    change,
                    change.target().toString(),
                    change.from(),
                    Outcome.NOT_LEADER,
                    "this replica of Tandem does not hold the leader lease"));
      } else if (!change.isDecrease() && decreaseMissed) {
        done =
            List.of(
                result(
                    change,
                    change.target().toString(),
                    change.from(),
                    Outcome.HELD_AFTER_DECREASE,
                    "a decrease of this plan was not applied; increases wait so the budget is never"
                        + " exceeded between writes"));
      } else {
        done = applyChange(plan, change);
      }
      if (change.isDecrease() && done.stream().anyMatch(r -> !applied(r.outcome()))) {
        decreaseMissed = true;
      }
      results.addAll(done);
    }
    results.forEach(r -> counters.add(r.outcome()));
    return new ActuationReport(plan.deployment(), results);
  }

  /** Counts by outcome since start. */
  public ActuatorCounters counters() {
    return counters;
  }

  /** The current condition of every object Tandem refused or held, by object. */
  public Map<String, TargetCondition> conditions() {
    return Map.copyOf(conditions);
  }

  private List<WriteResult> applyChange(ScalingPlan plan, ReplicaChange change) {
    String reason = plan.decision(change.role()).desiredWhy().message();
    List<ResolvedObject> objects;
    try {
      objects = targets.resolve(change.target());
    } catch (TargetGoneException e) {
      return List.of(gone(change, change.target().toString(), e.getMessage()));
    } catch (RuntimeException e) {
      return List.of(error(change, change.target().toString(), change.from(), e));
    }
    if (objects.size() == 1) {
      ResolvedObject only = objects.get(0);
      return List.of(writeOne(plan, change, only, change.from(), change.to(), reason));
    }
    return writeSplit(plan, change, objects, reason);
  }

  /**
   * A PodCliqueSet target: the plan's counts are sums over the set's replicas. Drift is checked on
   * the sum; the new count is split evenly, and each object is written with the same checks.
   */
  private List<WriteResult> writeSplit(
      ScalingPlan plan, ReplicaChange change, List<ResolvedObject> objects, String reason) {
    int[] live = new int[objects.size()];
    int sum = 0;
    for (int i = 0; i < objects.size(); i++) {
      ResolvedObject o = objects.get(i);
      try {
        GenericKubernetesResource object = targets.get(o.ref());
        if (object == null) {
          return List.of(gone(change, o.ref().toString(), o.ref() + " not found"));
        }
        live[i] = o.strategy().read(client, o.ref(), object).desired();
      } catch (RuntimeException e) {
        return List.of(error(change, o.ref().toString(), change.from(), e));
      }
      sum += live[i];
    }
    if (sum != change.from() && settings.onDrift() == DriftPolicy.HOLD) {
      return List.of(
          hold(
              plan,
              change,
              change.target().toString(),
              sum,
              Outcome.HELD_DRIFT,
              "live replicas sum to "
                  + sum
                  + " over "
                  + objects.size()
                  + " set replicas, the plan was made against "
                  + change.from()));
    }
    int[] planned = Targets.split(change.to(), objects.size());
    List<WriteResult> results = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      results.add(writeOne(plan, change, objects.get(i), live[i], planned[i], reason));
    }
    return results;
  }

  private WriteResult writeOne(
      ScalingPlan plan,
      ReplicaChange change,
      ResolvedObject object,
      int expected,
      int planned,
      String reason) {
    ObjectRef ref = object.ref();
    String name = ref.toString();
    int live = -1;
    for (int attempt = 0; attempt <= settings.conflictRetries(); attempt++) {
      try {
        GenericKubernetesResource current = targets.get(ref);
        if (current == null) {
          return gone(change, name, name + " not found");
        }
        if ("true".equals(annotation(current, PAUSED_ANNOTATION))) {
          return refuse(
              plan,
              change,
              ref,
              current,
              -1,
              planned,
              new Refusal(
                  Outcome.PAUSED,
                  "Paused",
                  name + " carries " + PAUSED_ANNOTATION + ": \"true\"; Tandem does not write it"),
              false);
        }
        Optional<Refusal> refusal = object.strategy().refusal(client, ref, current);
        if (refusal.isEmpty()) {
          refusal =
              Autoscalers.conflicting(client, object.strategy().autoscaledObject(ref))
                  .map(
                      a ->
                          new Refusal(
                              Outcome.REFUSED_AUTOSCALER,
                              "ScalingConflict",
                              name
                                  + " is already scaled by "
                                  + a
                                  + "; Tandem will not fight it (remove one of the two)"));
        }
        if (refusal.isPresent()) {
          return refuse(plan, change, ref, current, -1, planned, refusal.get(), true);
        }
        Replicas replicas = object.strategy().read(client, ref, current);
        live = replicas.desired();
        boolean overwrite = settings.onDrift() == DriftPolicy.OVERWRITE;
        if (live != expected && !overwrite) {
          return hold(
              plan,
              change,
              name,
              live,
              Outcome.HELD_DRIFT,
              "live replicas "
                  + live
                  + ", the plan was made against "
                  + expected
                  + " (changed by someone else)");
        }
        if (replicas.rolloutInProgress() && !overwrite) {
          return hold(
              plan,
              change,
              name,
              live,
              Outcome.HELD_ROLLOUT,
              "rollout in progress ("
                  + replicas.note()
                  + ", updated "
                  + replicas.updated().map(String::valueOf).orElse("?")
                  + " of "
                  + replicas.observed()
                  + ")");
        }
        int to = Math.max(planned, replicas.minAvailable());
        String clamp =
            to > planned
                ? "; clamped from "
                    + planned
                    + " to minAvailable "
                    + replicas.minAvailable()
                    + " (going under it can terminate the whole gang)"
                : "";
        if (to == live) {
          conditions.remove(name);
          return new WriteResult(
              change.role(),
              name,
              live,
              planned,
              to,
              Outcome.UNCHANGED,
              "already at " + to + clamp);
        }
        if (settings.advisory()) {
          return new WriteResult(
              change.role(),
              name,
              live,
              planned,
              to,
              Outcome.ADVISORY,
              "advisory: would write " + live + " -> " + to + clamp);
        }
        object.strategy().write(client, ref, current, to);
        conditions.remove(name);
        String message =
            "Tandem scaled "
                + change.role().yamlName()
                + " "
                + live
                + " -> "
                + to
                + ": "
                + reason
                + clamp;
        if (settings.events()) {
          events.record(ref, current, "Normal", "TandemScaled", message, plan.at());
        }
        LOG.log(System.Logger.Level.INFO, name + ": " + message);
        return new WriteResult(
            change.role(), name, live, planned, to, Outcome.WRITTEN, reason + clamp);
      } catch (KubernetesClientException e) {
        if (e.getCode() == 409) {
          LOG.log(
              System.Logger.Level.INFO,
              name + ": 409 Conflict, re-reading (attempt " + (attempt + 1) + ")");
          continue;
        }
        if (e.getCode() == 404) {
          return gone(change, name, name + " not found (404)");
        }
        return error(change, name, live, e);
      } catch (RuntimeException e) {
        return error(change, name, live, e);
      }
    }
    LOG.log(System.Logger.Level.WARNING, name + ": still 409 Conflict after retries; skipped");
    return new WriteResult(
        change.role(),
        name,
        live,
        planned,
        planned,
        Outcome.CONFLICT,
        "409 Conflict on every one of "
            + (settings.conflictRetries() + 1)
            + " attempts; skipped until the next tick");
  }

  private WriteResult refuse(
      ScalingPlan plan,
      ReplicaChange change,
      ObjectRef ref,
      GenericKubernetesResource live,
      int replicas,
      int planned,
      Refusal refusal,
      boolean warn) {
    String name = ref.toString();
    conditions.put(
        name,
        new TargetCondition(
            name, "TandemBlocked", "True", refusal.reason(), refusal.message(), plan.at()));
    if (warn && settings.events() && !settings.advisory()) {
      events.record(ref, live, "Warning", "TandemRefused", refusal.message(), plan.at());
    }
    LOG.log(System.Logger.Level.WARNING, refusal.message());
    return new WriteResult(
        change.role(), name, replicas, planned, planned, refusal.outcome(), refusal.message());
  }

  private WriteResult hold(
      ScalingPlan plan,
      ReplicaChange change,
      String name,
      int live,
      Outcome outcome,
      String message) {
    conditions.put(
        name, new TargetCondition(name, "TandemHeld", "True", outcome.name(), message, plan.at()));
    LOG.log(System.Logger.Level.INFO, name + ": held: " + message);
    return new WriteResult(change.role(), name, live, change.to(), change.to(), outcome, message);
  }

  private WriteResult gone(ReplicaChange change, String name, String message) {
    conditions.remove(name);
    LOG.log(System.Logger.Level.WARNING, name + ": target gone: " + message);
    return new WriteResult(
        change.role(), name, -1, change.to(), change.to(), Outcome.GONE, "target gone: " + message);
  }

  private static WriteResult error(
      ReplicaChange change, String name, int live, RuntimeException e) {
    String what =
        e instanceof KubernetesClientException k && k.getCode() > 0
            ? "HTTP " + k.getCode() + ": " + k.getMessage()
            : e.getClass().getSimpleName() + ": " + e.getMessage();
    LOG.log(System.Logger.Level.WARNING, name + ": write failed: " + what);
    return new WriteResult(
        change.role(), name, live, change.to(), change.to(), Outcome.ERROR, what);
  }

  private static WriteResult result(
      ReplicaChange change, String name, int live, Outcome outcome, String message) {
    return new WriteResult(change.role(), name, live, change.to(), change.to(), outcome, message);
  }

  private static boolean applied(Outcome outcome) {
    return outcome == Outcome.WRITTEN
        || outcome == Outcome.UNCHANGED
        || outcome == Outcome.ADVISORY;
  }

  private static String annotation(GenericKubernetesResource object, String key) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }
}
