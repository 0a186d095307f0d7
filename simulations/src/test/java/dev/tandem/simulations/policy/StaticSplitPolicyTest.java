package dev.tandem.simulations.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StaticSplitPolicyTest {

  @Test
  void aSplitIsNamedByItsCounts() {
    assertThat(StaticSplitPolicy.name(12, 4)).isEqualTo("static-12p4d");
    assertThat(StaticSplitPolicy.name(1, 10)).isEqualTo("static-1p10d");
    assertThat(new StaticSplitPolicy(3, 2).name()).isEqualTo(StaticSplitPolicy.name(3, 2));
  }
}
