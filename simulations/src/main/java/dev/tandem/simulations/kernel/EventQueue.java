package dev.tandem.simulations.kernel;

import java.util.Arrays;

/**
 * The future-event list: a binary min-heap ordered by {@code (timeMicros, sequence)}, where the
 * sequence is the order of scheduling. Two events at the same microsecond therefore fire in the
 * order they were scheduled, so a run is reproducible bit for bit.
 *
 * <p>Events are stored in parallel primitive arrays (time, sequence, kind, an int argument) plus
 * one reference slot, so scheduling allocates nothing once the arrays have grown. Cost: {@code
 * O(log n)} per {@link #schedule} and {@link #poll}.
 *
 * <p>Usage: {@code poll()} removes the earliest event and makes its fields readable through {@link
 * #time()}, {@link #kind()}, {@link #arg()} and {@link #ref()} until the next {@code poll()}.
 */
public final class EventQueue {

  private long[] times = new long[1024];
  private long[] seqs = new long[1024];
  private int[] kinds = new int[1024];
  private int[] args = new int[1024];
  private Object[] refs = new Object[1024];
  private int size;
  private long nextSeq;

  private long curTime;
  private int curKind;
  private int curArg;
  private Object curRef;

  /**
   * Adds an event.
   *
   * @param timeMicros when it fires, µs of simulated time
   * @param kind the event type (caller's constants)
   * @param arg an int payload (an engine index, a version…)
   * @param ref an object payload, or null
   */
  public void schedule(long timeMicros, int kind, int arg, Object ref) {
    if (size == times.length) {
      grow();
    }
    int i = size++;
    long seq = nextSeq++;
    // Sift up.
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(timeMicros, seq, times[parent], seqs[parent])) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    set(i, timeMicros, seq, kind, arg, ref);
  }

  /** True when no event is pending. */
  public boolean isEmpty() {
    return size == 0;
  }

  public int size() {
    return size;
  }

  /** Time of the earliest pending event; the queue must not be empty. */
  public long peekTime() {
    return times[0];
  }

  /** Removes the earliest event; its fields are then readable through the accessors. */
  public void poll() {
    if (size == 0) {
      throw new IllegalStateException("poll on an empty event queue");
    }
    curTime = times[0];
    curKind = kinds[0];
    curArg = args[0];
    curRef = refs[0];
    int last = --size;
    long t = times[last];
    long s = seqs[last];
    int k = kinds[last];
    int a = args[last];
    Object r = refs[last];
    refs[last] = null;
    int i = 0;
    // Sift the former last element down from the root.
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      int right = child + 1;
      if (right < size && less(times[right], seqs[right], times[child], seqs[child])) {
        child = right;
      }
      if (!less(times[child], seqs[child], t, s)) {
        break;
      }
      move(child, i);
      i = child;
    }
    if (size > 0) {
      set(i, t, s, k, a, r);
    }
  }

  public long time() {
    return curTime;
  }

  public int kind() {
    return curKind;
  }

  public int arg() {
    return curArg;
  }

  public Object ref() {
    return curRef;
  }

  private static boolean less(long t1, long s1, long t2, long s2) {
    return t1 < t2 || (t1 == t2 && s1 < s2);
  }

  private void move(int from, int to) {
    set(to, times[from], seqs[from], kinds[from], args[from], refs[from]);
  }

  private void set(int i, long t, long s, int k, int a, Object r) {
    times[i] = t;
    seqs[i] = s;
    kinds[i] = k;
    args[i] = a;
    refs[i] = r;
  }

  private void grow() {
    int n = times.length * 2;
    times = Arrays.copyOf(times, n);
    seqs = Arrays.copyOf(seqs, n);
    kinds = Arrays.copyOf(kinds, n);
    args = Arrays.copyOf(args, n);
    refs = Arrays.copyOf(refs, n);
  }
}
