package dev.tandem.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.config.policy.SlaPolicy;
import dev.tandem.config.policy.SlaPolicyLoader;
import dev.tandem.k8s.targets.Kinds;
import dev.tandem.planner.ControlLoop;
import dev.tandem.planner.Deployment;
import dev.tandem.planner.Planner;
import dev.tandem.planner.ReplicaChange;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.TickReport;
import dev.tandem.planner.forecast.ObservedRateForecaster;
import dev.tandem.planner.metrics.MetricsSnapshot;
import dev.tandem.planner.ports.MetricsSource;
import dev.tandem.profiles.io.PerformanceProfileLoader;
import dev.tandem.profiles.model.PerformanceProfile;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner's {@link ControlLoop} driving this actuator and state reader against the CRUD mock
 * with the real Grove CRDs: a PodCliqueSet with a prefill PodClique and a decode
 * PodCliqueScalingGroup, named once in the policy. Load rises from 2 to 60 req/s and falls back;
 * between ticks a stand-in for Grove marks written replicas ready. Checks the writes, their order,
 * the GPU total between two writes, and one Event per write carrying the plan's reason.
 */
class GroveControlLoopIntegrationTest {

  private static final Instant START = Instant.parse("2026-12-01T12:00:00Z");

  @TempDir Path dir;

  @Test
  void risingAndFallingLoadScalesBothRolesThroughTheActuatorInASafeOrder() throws Exception {
    Path root = Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize();
    Path profile = root.resolve("examples/profiles/h200-llama-3.1-8b-fp8-tp1.yaml");
    Files.writeString(dir.resolve("llama.yaml"), policy(profile));
    SlaPolicy policy =
        new SlaPolicyLoader(List.of("PerformanceProfile", "GpuPool"))
            .load(dir.resolve("llama.yaml"))
            .policies()
            .get(0);
    PerformanceProfile h200 = PerformanceProfileLoader.load(profile);
    Deployment deployment = Deployment.of(policy, h200, h200);

    try (MockCluster cluster = new MockCluster()) {
      cluster.create(Fixtures.podCliqueSet("llama", 1));
      cluster.create(Fixtures.podClique("llama-0-prefill", 1, 1, 1));
      cluster.create(Fixtures.scalingGroup("llama-0-decode", 1, 1, 1));
      KubernetesActuator actuator =
          new KubernetesActuator(cluster.client, ActuatorSettings.defaults());
      List<ActuationReport> reports = new ArrayList<>();
      Map<Instant, Double> load = new HashMap<>();
      MetricsSource metrics =
          (keys, now) -> {
            Map<dev.tandem.planner.DeploymentKey, MetricsSnapshot> out = new HashMap<>();
            for (var key : keys) {
              out.put(
                  key,
                  MetricsSnapshot.builder(key, now)
                      .arrivalRate(load.get(now))
                      .inputTokens(3000, 9e6 * 1.25)
                      .outputTokens(300, 9e4 * 1.25)
                      .arrivalCv2(1)
                      .build());
            }
            return out;
          };
      ControlLoop loop =
          new ControlLoop(
              new Planner(),
              new ObservedRateForecaster(),
              metrics,
              new KubernetesReplicaStateReader(cluster.client, ActuatorSettings.defaults()),
              plan -> {
                ActuationReport report = actuator.applyAndReport(plan);
                reports.add(report);
                if (report.hasFailures()) {
                  throw new ActuationException(report);
                }
              },
              List.of(deployment),
              Map.of(),
              Map.of());

      List<Integer> prefill = new ArrayList<>();
      List<Integer> decode = new ArrayList<>();
      List<ScalingPlan> plans = new ArrayList<>();
      for (int tick = 0; tick < 60; tick++) {
        Instant now = START.plus(Duration.ofSeconds(30L * tick));
        load.put(now, rate(tick));
        TickReport report = loop.tick(now);
        assertThat(report.failures()).as("tick " + tick).isEmpty();
        plans.addAll(report.plans());
        growReady(cluster);
        prefill.add(replicas(cluster, Kinds.POD_CLIQUE, "llama-0-prefill"));
        decode.add(replicas(cluster, Kinds.POD_CLIQUE_SCALING_GROUP, "llama-0-decode"));
      }

      int peakPrefill = prefill.stream().max(Integer::compare).orElseThrow();
      int peakDecode = decode.stream().max(Integer::compare).orElseThrow();
      assertThat(peakPrefill).as("prefill grew with the load: " + prefill).isGreaterThan(1);
      assertThat(peakDecode).as("decode grew with the load: " + decode).isGreaterThan(1);
      assertThat(prefill.get(prefill.size() - 1))
          .as("prefill shrank after the peak: " + prefill)
          .isLessThan(peakPrefill);
      assertThat(decode.get(decode.size() - 1))
          .as("decode shrank after the peak: " + decode)
          .isLessThan(peakDecode);

      List<WriteResult> written = new ArrayList<>();
      for (ActuationReport r : reports) {
        List<WriteResult> results = r.results();
        // within a plan every decrease precedes every increase
        boolean increaseSeen = false;
        for (WriteResult w : results) {
          boolean decrease = w.written() < w.live();
          assertThat(decrease && increaseSeen).as("decrease after increase in " + r).isFalse();
          increaseSeen |= w.written() > w.live();
        }
        results.stream().filter(w -> w.outcome() == Outcome.WRITTEN).forEach(written::add);
      }
      assertThat(written).hasSizeGreaterThanOrEqualTo(4);
      // the actuator wrote exactly what the plans asked, in the plans' order
      List<String> asked = new ArrayList<>();
      for (ScalingPlan p : plans) {
        if (p.hasChanges()) {
          for (ReplicaChange c : p.changes()) {
            asked.add(c.role() + "->" + c.to());
          }
        }
      }
      assertThat(written).extracting(w -> w.role() + "->" + w.written()).isEqualTo(asked);
      // GPUs held never exceed the budget between two writes
      for (ScalingPlan p : plans) {
        int gpus = p.prefill().current() + p.decode().current();
        for (ReplicaChange c : p.changes()) {
          gpus += c.to() - c.from();
          assertThat(gpus).as("GPUs after writing " + c).isLessThanOrEqualTo(16);
        }
      }
      // one Event per write, on the written object, carrying the plan's reason
      List<Event> events = cluster.client.v1().events().inNamespace(Fixtures.NS).list().getItems();
      assertThat(events).hasSameSizeAs(written);
      assertThat(events).allMatch(e -> e.getReason().equals("TandemScaled"));
      for (ScalingPlan p : plans) {
        for (ReplicaChange c : p.changes()) {
          String reason = p.decision(c.role()).desiredWhy().message();
          assertThat(events).extracting(Event::getMessage).anyMatch(m -> m.endsWith(": " + reason));
        }
      }
      assertThat(events)
          .extracting(e -> e.getInvolvedObject().getKind())
          .containsOnly("PodClique", "PodCliqueScalingGroup");
    }
  }

  /** req/s at a tick: 2, rising to 60 over 10 minutes, 5 minutes at 60, falling to 2. */
  private static double rate(int tick) {
    if (tick < 20) {
      return 2 + 58.0 * tick / 20;
    }
    if (tick < 30) {
      return 60;
    }
    return Math.max(2, 60 - 58.0 * (tick - 30) / 10);
  }

  /** Grove's part: every written replica becomes ready before the next tick. */
  private static void growReady(MockCluster cluster) {
    cluster.groveMarksWrittenReplicasReady("llama-0-prefill", "llama-0-decode");
    MockCluster.assertValid(
        cluster.get("grove.io/v1alpha1", "PodClique", Fixtures.NS, "llama-0-prefill"));
    MockCluster.assertValid(
        cluster.get("grove.io/v1alpha1", "PodCliqueScalingGroup", Fixtures.NS, "llama-0-decode"));
  }

  private static int replicas(
      MockCluster cluster,
      io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext kind,
      String name) {
    GenericKubernetesResource o =
        cluster
            .client
            .genericKubernetesResources(kind)
            .inNamespace(Fixtures.NS)
            .withName(name)
            .get();
    return (Integer) ((Map<?, ?>) o.get("spec")).get("replicas");
  }

  private static String policy(Path profile) {
    return """
        apiVersion: tandem.dev/v1alpha1
        kind: SlaPolicy
        metadata: {name: llama, namespace: inference}
        spec:
          mode: active
          sla:
            ttft: {percentile: 90, target: 200ms}
            itl: {percentile: 90, target: 10ms}
          roles:
            prefill:
              target: {kind: PodCliqueSet, name: llama, clique: prefill}
              maxReplicas: 8
              profile: %s
            decode:
              target: {kind: PodCliqueSet, name: llama, scalingGroup: decode}
              maxReplicas: 8
              profile: %s
          budget: {maxGpus: 16}
          behavior:
            startupTime: 2m
            prefill: {interval: 30s, scaleUpLimit: 4, scaleDownStabilization: 2m}
            decode: {interval: 60s, scaleUpLimit: 2, scaleDownStabilization: 3m}
        """
        .formatted(profile, profile);
  }
}
