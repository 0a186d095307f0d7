package dev.tandem.config.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A PodCliqueSet target names one clique or one scaling group of its template. */
class PodCliqueSetTargetTest {

  @Test
  void loadsACliqueAndAScalingGroupOfOneSet() throws Exception {
    Path file = Path.of(getClass().getResource("/grove/pcs-members.yaml").toURI()).toAbsolutePath();

    SlaPolicy policy =
        new SlaPolicyLoader(List.of("PerformanceProfile", "GpuPool")).load(file).policies().get(0);

    ScaleTarget prefill = policy.roles().prefill().target();
    ScaleTarget decode = policy.roles().decode().target();
    assertThat(prefill.kind()).isEqualTo("PodCliqueSet");
    assertThat(prefill.apiVersion()).isEqualTo("grove.io/v1alpha1");
    assertThat(prefill.clique()).contains("prefill");
    assertThat(prefill.scalingGroup()).isEmpty();
    assertThat(decode.scalingGroup()).contains("decode");
    assertThat(decode.groveMember()).contains("decode");
    assertThat(prefill.identity()).isNotEqualTo(decode.identity());
    assertThat(decode).hasToString("PodCliqueSet inference/llama scalingGroup decode");
  }

  @Test
  void recordsRefuseAMemberOnOtherKindsAndTwoMembersOnASet() {
    assertThatThrownBy(
            () ->
                new ScaleTarget(
                    "apps/v1",
                    "Deployment",
                    "d",
                    "ns",
                    Optional.empty(),
                    Optional.of("prefill"),
                    Optional.empty()))
        .hasMessageContaining("only allowed for kind PodCliqueSet");
    assertThatThrownBy(
            () ->
                new ScaleTarget(
                    "grove.io/v1alpha1",
                    "PodCliqueSet",
                    "llama",
                    "ns",
                    Optional.empty(),
                    Optional.of("a"),
                    Optional.of("b")))
        .hasMessageContaining("needs exactly one");
  }
}
