package dev.tandem.planner.testing;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Generated test cases for {@code @ParameterizedTest}: a fixed-seed {@link SplittableRandom} draws
 * each case, and the case's name carries the seed and index, so a failing case reproduces from its
 * name alone. Case 0 draws every value at its lower bound and case 1 at its upper bound — the
 * corners where invariants usually break — and the rest uniformly between.
 *
 * <pre>{@code
 * static Stream<Sample<Load>> loads() {
 *   return SeededCases.of(42, 300, d -> new Load(d.between(0, 400), d.between(1, 8)));
 * }
 * @ParameterizedTest(name = "{0}") @MethodSource("loads") void holds(Sample<Load> s) { ... }
 * }</pre>
 */
public final class SeededCases {

  private SeededCases() {}

  /** One generated case: its value, and the seed and index that reproduce it. */
  public record Sample<T>(long seed, int index, T value) {
    @Override
    public String toString() {
      return "seed " + seed + " #" + index + ": " + value;
    }
  }

  /** {@code count} cases from {@code seed}; each draws from its own split of the stream. */
  public static <T> Stream<Sample<T>> of(long seed, int count, Function<Draw, T> generator) {
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom[] streams = new SplittableRandom[count];
    for (int i = 0; i < count; i++) {
      streams[i] = root.split();
    }
    return IntStream.range(0, count)
        .mapToObj(i -> new Sample<>(seed, i, generator.apply(new Draw(streams[i], i))));
  }

  /** The values of one case. */
  public static final class Draw {
    private final SplittableRandom random;
    private final int index;

    Draw(SplittableRandom random, int index) {
      this.random = random;
      this.index = index;
    }

    /** Uniform in [low, high]; the lower bound in case 0, the upper in case 1. */
    public double between(double low, double high) {
      return switch (index) {
        case 0 -> low;
        case 1 -> high;
        default -> low + random.nextDouble() * (high - low);
      };
    }

    /** Uniform in [low, high], both included; the bounds in cases 0 and 1. */
    public int between(int low, int high) {
      return switch (index) {
        case 0 -> low;
        case 1 -> high;
        default -> low + random.nextInt(high - low + 1);
      };
    }

    /** False in case 0, true in case 1, a fair coin otherwise. */
    public boolean bool() {
      return switch (index) {
        case 0 -> false;
        case 1 -> true;
        default -> random.nextBoolean();
      };
    }
  }
}
