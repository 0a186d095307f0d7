package dev.tandem.simulations.kernel;

import java.util.Arrays;

/**
 * The future-event list: a binary min-heap ordered by {@code (timeMicros, sequence)}, where the
 * sequence is the order of scheduling. Two events at the same microsecond therefore fire in the
 * order they were scheduled, so a run is reproducible bit for bit.
 *
 * <p>Layout: the heap holds only each event's time and its slot number ({@code long[]} and {@code
 * int[]}), so a sift moves 12 bytes; the slot holds the rest (sequence, kind, int argument,
 * reference) and is recycled through a free list. Scheduling allocates nothing once the arrays have
 * grown. Cost: {@code O(log n)} per {@link #schedule} and {@link #poll}; the sequence is read only
 * to break a tie in time.
 *
 * <p>Usage: {@code poll()} removes the earliest event and makes its fields readable through {@link
 * #time()}, {@link #kind()}, {@link #arg()} and {@link #ref()} until the next {@code poll()}.
 */
public final class EventQueue {

  private long[] heapTimes = new long[1024];
  private int[] heapSlots = new int[1024];
  private int size;

  private long[] slotSeqs = new long[1024];
  private int[] slotKinds = new int[1024];
  private int[] slotArgs = new int[1024];
  private Object[] slotRefs = new Object[1024];
  private int[] freeSlots = new int[1024];
  private int freeCount;
  private int slotsUsed;
  private long nextSeq;

  private long curTime;
  private int curKind;
  private int curArg;
  private Object curRef;

  /**
   * Adds an event; it fires after every event with a smaller time or the same time and scheduled
   * earlier.
   */
  public void schedule(long timeMicros, int kind, int arg, Object ref) {
    if (size == heapTimes.length) {
      heapTimes = Arrays.copyOf(heapTimes, size * 2);
      heapSlots = Arrays.copyOf(heapSlots, size * 2);
    }
    int slot = allocate();
    long seq = nextSeq++;
    slotSeqs[slot] = seq;
    slotKinds[slot] = kind;
    slotArgs[slot] = arg;
    slotRefs[slot] = ref;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      long pt = heapTimes[parent];
      if (pt < timeMicros || (pt == timeMicros && slotSeqs[heapSlots[parent]] < seq)) {
        break;
      }
      heapTimes[i] = pt;
      heapSlots[i] = heapSlots[parent];
      i = parent;
    }
    heapTimes[i] = timeMicros;
    heapSlots[i] = slot;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public int size() {
    return size;
  }

  /** Time of the earliest event (undefined when empty). */
  public long peekTime() {
    return heapTimes[0];
  }

  /** Removes the earliest event; its fields are then readable until the next poll. */
  public void poll() {
    if (size == 0) {
      throw new IllegalStateException("poll on an empty event queue");
    }
    int top = heapSlots[0];
    curTime = heapTimes[0];
    curKind = slotKinds[top];
    curArg = slotArgs[top];
    curRef = slotRefs[top];
    slotRefs[top] = null;
    release(top);
    int last = --size;
    if (last == 0) {
      return;
    }
    long t = heapTimes[last];
    int s = heapSlots[last];
    long seq = slotSeqs[s];
    int i = 0;
    int half = last >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      long ct = heapTimes[child];
      if (right < last) {
        long rt = heapTimes[right];
        if (rt < ct || (rt == ct && slotSeqs[heapSlots[right]] < slotSeqs[heapSlots[child]])) {
          child = right;
          ct = rt;
        }
      }
      if (t < ct || (t == ct && seq < slotSeqs[heapSlots[child]])) {
        break;
      }
      heapTimes[i] = ct;
      heapSlots[i] = heapSlots[child];
      i = child;
    }
    heapTimes[i] = t;
    heapSlots[i] = s;
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

  private int allocate() {
    if (freeCount > 0) {
      return freeSlots[--freeCount];
    }
    if (slotsUsed == slotSeqs.length) {
      int n = slotsUsed * 2;
      slotSeqs = Arrays.copyOf(slotSeqs, n);
      slotKinds = Arrays.copyOf(slotKinds, n);
      slotArgs = Arrays.copyOf(slotArgs, n);
      slotRefs = Arrays.copyOf(slotRefs, n);
      freeSlots = Arrays.copyOf(freeSlots, n);
    }
    return slotsUsed++;
  }

  private void release(int slot) {
    freeSlots[freeCount++] = slot;
  }
}
