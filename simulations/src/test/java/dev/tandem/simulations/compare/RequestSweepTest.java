package dev.tandem.simulations.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestSweepTest {

  @Test
  void labelsGiveTheirCounts() {
    assertThat(RequestSweep.prefillOf("static-12p4d")).isEqualTo(12);
    assertThat(RequestSweep.decodeOf("static-12p4d")).isEqualTo(4);
    assertThat(RequestSweep.prefillOf("static-1p10d")).isEqualTo(1);
    assertThat(RequestSweep.decodeOf("static-1p10d")).isEqualTo(10);
  }
}
