package dev.tandem.simulations.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventQueueTest {

  @Test
  void eventsAtTheSameTimeFireInSchedulingOrder() {
    EventQueue q = new EventQueue();
    q.schedule(10, 1, 0, "b");
    q.schedule(5, 1, 0, "a");
    q.schedule(10, 1, 0, "c");
    q.schedule(10, 1, 0, "d");
    List<Object> order = new ArrayList<>();
    while (!q.isEmpty()) {
      q.poll();
      order.add(q.ref());
    }
    assertThat(order).containsExactly("a", "b", "c", "d");
  }

  @Test
  void manyRandomEventsComeOutSortedByTimeThenSequence() {
    SplittableRandom rng = new SplittableRandom(7);
    EventQueue q = new EventQueue();
    List<long[]> expected = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      long t = rng.nextLong(500);
      q.schedule(t, 0, i, null);
      expected.add(new long[] {t, i});
    }
    expected.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
    for (long[] e : expected) {
      q.poll();
      assertThat(new long[] {q.time(), q.arg()}).containsExactly(e);
    }
    assertThat(q.isEmpty()).isTrue();
  }

  @Test
  void pollingAnEmptyQueueFails() {
    assertThatThrownBy(() -> new EventQueue().poll()).isInstanceOf(IllegalStateException.class);
  }
}
