package dev.tandem.simulations.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The index agrees with a brute-force scan of the engines in order of addition after every one of
 * many random additions, load changes and state changes (few distinct loads, so ties are common;
 * enough additions and removals to repack the tree many times).
 */
class LeastLoadedIndexTest {

  @Test
  void agreesWithAScanAfterEveryRandomChange() {
    for (long seed = 1; seed <= 40; seed++) {
      Random random = new Random(seed);
      LeastLoadedIndex<StubEngine> index = new LeastLoadedIndex<>();
      List<StubEngine> inOrder = new ArrayList<>();
      int maxLoad = 1 + random.nextInt(6);
      int next = 0;
      for (int step = 0; step < 4000; step++) {
        int op = random.nextInt(10);
        if (op < 2 || inOrder.isEmpty()) {
          StubEngine e = new StubEngine(next++, random.nextInt(maxLoad + 1));
          inOrder.add(e);
          index.add(e);
        } else {
          StubEngine e = inOrder.get(random.nextInt(inOrder.size()));
          if (op < 6) {
            e.setLoad(random.nextInt(maxLoad + 1));
          } else if (op < 9) {
            EngineState[] live = {EngineState.STARTING, EngineState.READY, EngineState.DRAINING};
            e.moveTo(live[random.nextInt(live.length)]);
          } else {
            e.moveTo(EngineState.GONE);
            inOrder.remove(e);
          }
        }
        String where = "seed " + seed + ", step " + step;
        assertThat(index.leastFirst()).as(where).isSameAs(scanFirst(inOrder));
        assertThat(index.leastLast()).as(where).isSameAs(scanLast(inOrder));
        assertThat(index.size()).as(where).isEqualTo(inOrder.size());
      }
    }
  }

  @Test
  void aGoneEngineLeavesTheIndexAndCannotBeChosen() {
    LeastLoadedIndex<StubEngine> index = new LeastLoadedIndex<>();
    StubEngine a = new StubEngine(0, 5);
    StubEngine b = new StubEngine(1, 5);
    index.add(a);
    index.add(b);
    a.moveTo(EngineState.READY);
    b.moveTo(EngineState.READY);
    assertThat(index.leastFirst()).isSameAs(a);
    assertThat(index.leastLast()).isSameAs(b);
    a.moveTo(EngineState.GONE);
    a.setLoad(0);
    assertThat(index.leastFirst()).isSameAs(b);
    assertThat(index.size()).isEqualTo(1);
    b.moveTo(EngineState.DRAINING);
    assertThat(index.leastFirst()).isNull();
    assertThat(index.leastLast()).isNull();
  }

  /** The router's original rule: first READY engine with a strictly smaller load. */
  static <E extends Engine> E scanFirst(List<E> engines) {
    E best = null;
    long bestLoad = Long.MAX_VALUE;
    for (E e : engines) {
      if (e.state == EngineState.READY && e.load() < bestLoad) {
        best = e;
        bestLoad = e.load();
      }
    }
    return best;
  }

  /** Scale-down's original rule: last READY engine with the least load. */
  static <E extends Engine> E scanLast(List<E> engines) {
    E victim = null;
    for (E e : engines) {
      if (e.state == EngineState.READY && (victim == null || e.load() <= victim.load())) {
        victim = e;
      }
    }
    return victim;
  }

  /** An engine whose load is set directly. */
  private static final class StubEngine extends Engine {
    private long load;

    StubEngine(int index, long load) {
      super(index, 1, 0);
      this.load = load;
    }

    void setLoad(long load) {
      this.load = load;
      loadChanged();
    }

    @Override
    public boolean isIdle() {
      return load == 0;
    }

    @Override
    public long load() {
      return load;
    }
  }
}
