package dev.tandem.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The chart renders, for the defaults and for the value sets users choose, into typed objects. */
class ChartRenderTest {

  record ValueSet(String name, String yaml) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<ValueSet> valueSets() {
    return Stream.of(
        new ValueSet("defaults", ""),
        new ValueSet(
            "namespaced RBAC", "rbac:\n  scope: namespaced\n  namespaces: [inference, batch]\n"),
        new ValueSet(
            "existing ConfigMaps",
            "policies: {existingConfigMap: my-policies}\nprofiles: {existingConfigMap: my-profiles}\n"),
        new ValueSet(
            "monitoring on",
            "serviceMonitor: {enabled: true, labels: {release: kps}}\n"
                + "prometheusRule: {enabled: true}\ngrafanaDashboard: {enabled: true}\n"),
        new ValueSet("grove off", "targets: {grove: false}\n"),
        new ValueSet(
            "token, CA and advisory",
            "advisory: true\nprometheus:\n  url: https://thanos.monitoring:9091/prefix\n"
                + "  bearerTokenSecret: {name: prom-token, key: token}\n"
                + "  caSecret: {name: prom-ca, key: ca.crt}\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valueSets")
  void everyManifestParsesIntoATypedObjectWithNoUnknownField(ValueSet set) {
    List<HasMetadata> objects = Chart.objects(set.yaml());

    assertThat(objects).isNotEmpty();
    for (HasMetadata o : objects) {
      assertThat(o.getClass().getPackageName()).as(o.getKind()).startsWith("io.fabric8");
      assertThat(o.getClass().getSimpleName()).as("a typed class").isEqualTo(o.getKind());
      assertThat(UnknownFields.in(o)).as(o.getKind() + " " + o.getMetadata().getName()).isEmpty();
      assertThat(o.getMetadata().getLabels()).containsEntry("app.kubernetes.io/instance", "tandem");
    }
  }

  @Test
  void theDefaultsRunTwoLeaderElectedReplicasHardened() {
    List<HasMetadata> objects = Chart.objects("");
    Deployment deployment = Chart.one(objects, Deployment.class, "tandem");
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    Container c = pod.getContainers().get(0);

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
    assertThat(c.getReadinessProbe().getHttpGet().getPath())
        .isEqualTo("/actuator/health/readiness");
    assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(c.getResources().getLimits()).containsKey("memory");
    // writable only where the JVM and the checkpoint need it
    List<String> writable =
        c.getVolumeMounts().stream()
            .filter(m -> !Boolean.TRUE.equals(m.getReadOnly()))
            .map(VolumeMount::getMountPath)
            .toList();
    assertThat(writable).containsExactlyInAnyOrder("/tmp", "/var/lib/tandem");
    for (String path : writable) {
      String volume =
          c.getVolumeMounts().stream()
              .filter(m -> m.getMountPath().equals(path))
              .findFirst()
              .orElseThrow()
              .getName();
      assertThat(pod.getVolumes().stream().filter(v -> v.getName().equals(volume)))
          .singleElement()
          .extracting(Volume::getEmptyDir)
          .isNotNull();
    }
    assertThat(Chart.one(objects, PodDisruptionBudget.class, "tandem").getSpec().getMinAvailable())
        .hasFieldOrPropertyWithValue("intVal", 1);
    assertThat(Chart.all(objects, ServiceAccount.class)).hasSize(1);
    assertThat(Chart.one(objects, Service.class, "tandem").getSpec().getPorts().get(0).getPort())
        .isEqualTo(8080);
    ConfigMap config = Chart.one(objects, ConfigMap.class, "tandem-config");
    assertThat(config.getData().get("application.yaml"))
        .contains("enabled: true")
        .contains("lease-namespace: tandem-system")
        .contains("force-advisory: false")
        .contains("forecast-backfill: 1h")
        .contains("dispersion-interval: 10s")
        .contains("dispersion-range: 10m");
  }

  @Test
  void aSlowScrapeIntervalCanCountArrivalsOverLongerIntervals() {
    ConfigMap config =
        Chart.one(
            Chart.objects("prometheus:\n  dispersionInterval: 60s\n  dispersionRange: 30m\n"),
            ConfigMap.class,
            "tandem-config");
    assertThat(config.getData().get("application.yaml"))
        .contains("dispersion-interval: 60s")
        .contains("dispersion-range: 30m");
  }

  @Test
  void namespacedRbacHasRolesInEachNamespaceAndNoClusterWideTargetRules() {
    List<HasMetadata> objects =
        Chart.objects("rbac:\n  scope: namespaced\n  namespaces: [inference, batch]\n");

    assertThat(Chart.all(objects, Role.class))
        .extracting(r -> r.getMetadata().getNamespace() + "/" + r.getMetadata().getName())
        .containsExactlyInAnyOrder(
            "inference/tandem", "batch/tandem", "tandem-system/tandem-leader-election");
    // only the cluster-scoped reviews remain cluster-wide
    assertThat(Chart.all(objects, ClusterRole.class))
        .extracting(r -> r.getMetadata().getName())
        .containsExactly("tandem-reviews");
  }

  @Test
  void existingConfigMapsAreMountedAndNotRendered() {
    List<HasMetadata> objects =
        Chart.objects(
            "policies: {existingConfigMap: my-policies}\nprofiles: {existingConfigMap: my-profiles}\n");

    assertThat(Chart.all(objects, ConfigMap.class))
        .extracting(c -> c.getMetadata().getName())
        .containsExactly("tandem-config");
    PodSpec pod = Chart.one(objects, Deployment.class, "tandem").getSpec().getTemplate().getSpec();
    assertThat(pod.getVolumes())
        .filteredOn(v -> v.getConfigMap() != null)
        .extracting(v -> v.getConfigMap().getName())
        .contains("my-policies", "my-profiles");
  }

  @Test
  void monitoringObjectsAreOptional() {
    assertThat(Chart.all(Chart.objects(""), ServiceMonitor.class)).isEmpty();
    List<HasMetadata> on =
        Chart.objects(
            "serviceMonitor: {enabled: true, labels: {release: kps}}\nprometheusRule: {enabled:"
                + " true}\ngrafanaDashboard: {enabled: true}\n");
    ServiceMonitor monitor = Chart.one(on, ServiceMonitor.class, "tandem");
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kps");
    assertThat(monitor.getSpec().getEndpoints().get(0).getPath()).isEqualTo("/actuator/prometheus");
    PrometheusRule rule = Chart.one(on, PrometheusRule.class, "tandem");
    assertThat(rule.getSpec().getGroups().get(0).getRules())
        .extracting(r -> r.getAlert())
        .containsExactly(
            "TandemMetricsSourceDown",
            "TandemCapacityUnavailable",
            "TandemSlaPredictedMiss",
            "TandemActuationErrors",
            "TandemNoLeader");
    assertThat(Chart.one(on, ConfigMap.class, "tandem-dashboard").getMetadata().getLabels())
        .containsEntry("grafana_dashboard", "1");
  }
}
