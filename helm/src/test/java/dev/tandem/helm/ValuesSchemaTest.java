package dev.tandem.helm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * values.schema.json rejects wrong types and unknown keys, naming them, before anything renders.
 */
class ValuesSchemaTest {

  record Bad(String yaml, String named) {
    @Override
    public String toString() {
      return yaml.strip();
    }
  }

  static Stream<Bad> badValues() {
    return Stream.of(
        new Bad("replicas: 2\n", "replicas"),
        new Bad("image: {repository: x, tga: latest}\n", "tga"),
        new Bad("replicaCount: two\n", "replicaCount"),
        new Bad("replicaCount: 0\n", "replicaCount"),
        new Bad("rbac: {scope: everywhere}\n", "scope"),
        new Bad("leaderElection: {leaseDuration: 15}\n", "leaseDuration"),
        new Bad("prometheus: {url: prometheus:9090}\n", "url"),
        new Bad("policies: {files: {policy.txt: 'x'}}\n", "policy.txt"),
        new Bad("targets: {extra: [{apiGroup: example.com}]}\n", "resource"),
        new Bad("serviceMonitor: {enabled: yes-please}\n", "enabled"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void badValuesAreRejectedByName(Bad bad) {
    assertThatThrownBy(() -> Chart.render(bad.yaml()))
        .hasMessageContaining("schema")
        .hasMessageContaining(bad.named());
  }
}
