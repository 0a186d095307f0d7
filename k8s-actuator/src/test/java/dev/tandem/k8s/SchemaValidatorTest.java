package dev.tandem.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator catches what the API server would reject, on the real CRD schemas. */
class SchemaValidatorTest {

  @Test
  void rejectsWrongTypesMissingRequiredFieldsUnknownFieldsAndValuesUnderTheMinimum() {
    Map<?, ?> lws = Crds.schema("DisaggregatedSetRoleScaler");

    assertThat(SchemaValidator.validate(lws, Map.of("spec", Map.of("replicas", 2)))).isEmpty();
    assertThat(SchemaValidator.validate(lws, Map.of("spec", Map.of("replicas", "2"))))
        .containsExactly(".spec.replicas: expected integer, got string");
    assertThat(SchemaValidator.validate(lws, Map.of("spec", Map.of("replicas", -1))))
        .containsExactly(".spec.replicas: -1 is below the minimum 0");
    assertThat(SchemaValidator.validate(lws, Map.of("spec", Map.of())))
        .containsExactly(".spec.replicas: required");
    assertThat(SchemaValidator.validate(lws, Map.of("spec", Map.of("replicas", 1, "replicaz", 1))))
        .containsExactly(".spec.replicaz: unknown field");
  }

  @Test
  void aPatchNeedNotCarryRequiredFieldsButItsFieldsMustExist() {
    Map<?, ?> graph = Crds.schema("DynamoGraphDeployment");
    Map<String, Object> good =
        Map.of("spec", Map.of("services", Map.of("VllmDecodeWorker", Map.of("replicas", 3))));
    Map<String, Object> typo =
        Map.of("spec", Map.of("services", Map.of("VllmDecodeWorker", Map.of("replica", 3))));

    assertThat(SchemaValidator.validatePatch(graph, good)).isEmpty();
    assertThat(SchemaValidator.validatePatch(graph, typo))
        .containsExactly(".spec.services.VllmDecodeWorker.replica: unknown field");
  }
}
