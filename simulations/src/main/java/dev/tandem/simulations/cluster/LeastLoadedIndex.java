package dev.tandem.simulations.cluster;

import java.util.Arrays;

/**
 * The router's index over one role's engines: finds the least-loaded {@link EngineState#READY}
 * engine in O(log n) instead of a scan, with the scan's exact tie-breaking.
 *
 * <p><b>Structure.</b> A tournament (min segment) tree over <em>slots</em>. Each engine gets the
 * next free slot when it is added, so slot order is the order engines were added, which is the
 * order of the role's engine list (engines are appended when requested; removals keep the order).
 * Leaf {@code capacity + slot} holds the engine's key: its {@link Engine#load()} while it is READY,
 * {@link #ABSENT} otherwise (starting, draining, or a free slot). Every internal node holds the
 * minimum of its two children, so the root is the least load over the READY engines.
 *
 * <p><b>Invariant.</b> Between calls into an engine or the cluster, every leaf equals its engine's
 * key and every internal node the minimum of its children. Engines keep it by calling {@link
 * Engine#loadChanged()} after anything that may change their load or state; {@link #update} walks
 * up from the leaf and stops at the first ancestor whose minimum is unchanged (those above it
 * cannot change either).
 *
 * <p><b>Ties.</b> {@link #leastFirst()} descends from the root into the left child whenever its
 * minimum equals the root's, so it returns the least load at the smallest slot: the first in list
 * order, as a scan with a strict {@code <} would. {@link #leastLast()} prefers the right child: the
 * last in list order, as a scan with {@code <=} would. A load of {@link Long#MAX_VALUE} would read
 * as absent; loads are token counts, far below it.
 *
 * <p><b>Slots.</b> A gone engine frees its slot, but slots are not reused (reuse would break the
 * order). When the next slot would be past the end, the live engines are packed into slots {@code 0
 * .. live − 1} in their order and the capacity set to the power of two ≥ 2 × (live + 1), so a
 * repack costs O(live) and is followed by at least live + 1 additions: O(1) amortised.
 *
 * @param <E> the role's engine type
 */
final class LeastLoadedIndex<E extends Engine> {

  /** The key of a slot that the router must not choose: no engine, or not READY. */
  static final long ABSENT = Long.MAX_VALUE;

  private static final int MIN_CAPACITY = 16;

  /** Engines by slot; null where the slot is free. */
  private Engine[] engines;

  /** Node {@code i} has children {@code 2i} and {@code 2i + 1}; leaves from {@code capacity}. */
  private long[] tree;

  private int capacity;
  private int nextSlot;
  private int live;

  LeastLoadedIndex() {
    allocate(MIN_CAPACITY);
  }

  /** Adds an engine after every engine already added (the end of the role's list). */
  void add(E e) {
    if (e.leastLoaded != null) {
      throw new IllegalStateException("engine " + e.index + " is already indexed");
    }
    if (nextSlot == capacity) {
      repack();
    }
    int slot = nextSlot++;
    engines[slot] = e;
    live++;
    e.leastLoaded = this;
    e.slot = slot;
    update(e);
  }

  /** Brings {@code e}'s leaf up to date with its load and state; a gone engine leaves the index. */
  void update(Engine e) {
    int slot = e.slot;
    if (e.state == EngineState.GONE) {
      engines[slot] = null;
      live--;
      e.leastLoaded = null;
      e.slot = -1;
      set(slot, ABSENT);
    } else {
      set(slot, e.state == EngineState.READY ? e.load() : ABSENT);
    }
  }

  /** The least-loaded READY engine, the first in order among equals; null when none is READY. */
  E leastFirst() {
    long least = tree[1];
    if (least == ABSENT) {
      return null;
    }
    int i = 1;
    while (i < capacity) {
      i = tree[2 * i] == least ? 2 * i : 2 * i + 1;
    }
    return engineAt(i - capacity);
  }

  /** The least-loaded READY engine, the last in order among equals; null when none is READY. */
  E leastLast() {
    long least = tree[1];
    if (least == ABSENT) {
      return null;
    }
    int i = 1;
    while (i < capacity) {
      i = tree[2 * i + 1] == least ? 2 * i + 1 : 2 * i;
    }
    return engineAt(i - capacity);
  }

  /** Engines in the index (every state but gone). */
  int size() {
    return live;
  }

  @SuppressWarnings("unchecked")
  private E engineAt(int slot) {
    return (E) engines[slot];
  }

  private void set(int slot, long key) {
    int i = capacity + slot;
    if (tree[i] == key) {
      return;
    }
    tree[i] = key;
    for (i >>= 1; i >= 1; i >>= 1) {
      long min = Math.min(tree[2 * i], tree[2 * i + 1]);
      if (tree[i] == min) {
        return;
      }
      tree[i] = min;
    }
  }

  /** Packs the live engines, in order, into the first slots of a tree of a fitting capacity. */
  private void repack() {
    Engine[] old = engines;
    int oldNext = nextSlot;
    allocate(Math.max(MIN_CAPACITY, Integer.highestOneBit(2 * (live + 1) - 1) << 1));
    int slot = 0;
    for (int s = 0; s < oldNext; s++) {
      Engine e = old[s];
      if (e != null) {
        engines[slot] = e;
        e.slot = slot;
        tree[capacity + slot] = e.state == EngineState.READY ? e.load() : ABSENT;
        slot++;
      }
    }
    nextSlot = slot;
    for (int i = capacity - 1; i >= 1; i--) {
      tree[i] = Math.min(tree[2 * i], tree[2 * i + 1]);
    }
  }

  private void allocate(int newCapacity) {
    capacity = newCapacity;
    engines = new Engine[newCapacity];
    tree = new long[2 * newCapacity];
    Arrays.fill(tree, ABSENT);
    nextSlot = 0;
  }
}
