package dev.tandem.simulations.arrivals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpArrivalsTest {

  private static final SinusoidArrivals LOAD = new SinusoidArrivals(5, 45, 600, 1200, 3000, 300);
  private static final long WARM_UP = 600_000_000L;

  private static List<Long> times(ArrivalSource s) {
    List<Long> out = new ArrayList<>();
    while (s.advance()) {
      out.add(s.arrivalMicros());
    }
    return out;
  }

  @Test
  void theWarmUpIsTheSameProcessWithOtherDrawsThenTheLoadItselfShifted() {
    List<Long> all = times(new WarmUpArrivals(LOAD, WARM_UP).open(42));
    List<Long> own = times(LOAD.open(42));
    List<Long> other = times(LOAD.open(42 ^ WarmUpArrivals.SALT));

    List<Long> before = all.stream().filter(t -> t < WARM_UP).toList();
    List<Long> after = all.stream().filter(t -> t >= WARM_UP).toList();
    // the warm-up: the other draws' first 10 minutes, a full period of the same rate shape
    assertThat(before).isEqualTo(other.stream().filter(t -> t < WARM_UP).toList());
    assertThat(before.size()).isBetween(14_000, 16_000);
    // the judged part: exactly the load's own arrivals, shifted by the warm-up
    assertThat(after).isEqualTo(own.stream().map(t -> t + WARM_UP).toList());
    assertThat(all).isSorted();
    assertThat(before).isNotEqualTo(own.stream().filter(t -> t < WARM_UP).toList());
  }

  @Test
  void aWarmUpMustLast() {
    assertThatThrownBy(() -> new WarmUpArrivals(LOAD, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("warm-up must be > 0");
  }
}
