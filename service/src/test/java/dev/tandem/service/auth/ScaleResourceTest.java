package dev.tandem.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.config.policy.ScaleTarget;
import dev.tandem.config.policy.TargetKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScaleResourceTest {

  @Test
  void theScaleSubresourceOfEachKind() {
    assertThat(ScaleResource.of(ScaleTarget.of(TargetKind.POD_CLIQUE, "p", "inf")))
        .hasToString("podcliques.grove.io/scale inf/p");
    assertThat(ScaleResource.of(ScaleTarget.of(TargetKind.LEADER_WORKER_SET, "l", "inf")))
        .hasToString("leaderworkersets.leaderworkerset.x-k8s.io/scale inf/l");
    assertThat(ScaleResource.of(ScaleTarget.of(TargetKind.DEPLOYMENT, "d", "inf")))
        .hasToString("deployments.apps/scale inf/d");
    ScaleTarget graph =
        new ScaleTarget(
            "nvidia.com/v1alpha1", "DynamoGraphDeployment", "g", "inf", Optional.of("Worker"));
    assertThat(ScaleResource.of(graph)).hasToString("dynamographdeployments.nvidia.com inf/g");
  }

  @Test
  void authOffIsOnlyAllowedOnLoopback() {
    AuthModeGuard.check(false, "127.0.0.1");
    AuthModeGuard.check(false, "::1");
    AuthModeGuard.check(true, "");
    assertThatThrownBy(() -> AuthModeGuard.check(false, ""))
        .hasMessageContaining("needs server.address bound to loopback");
    assertThatThrownBy(() -> AuthModeGuard.check(false, "0.0.0.0"))
        .hasMessageContaining("only allowed on loopback");
  }
}
