package dev.tandem.simulations.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.profiles.capacity.ProfileCapacity;
import dev.tandem.simulations.TestProfiles;
import org.junit.jupiter.api.Test;

/** The memoised tables return exactly what the profiles module computes. */
class ProfileTablesTest {

  private final ProfileTables tables = new ProfileTables(TestProfiles.h200());
  private final ProfileCapacity capacity = new ProfileCapacity(TestProfiles.h200());

  @Test
  void ttftMatchesTheProfileCurveInsideAndOutsideTheMeasuredRange() {
    for (int tokens : new int[] {0, 1, 50, 100, 3000, 3151, 9999, 16372, 20000, 200_000}) {
      assertThat(tables.ttftMillis(tokens))
          .as("TTFT(%d)", tokens)
          .isCloseTo(capacity.ttftMillis(tokens).value(), within(1e-9));
    }
  }

  @Test
  void itlMatchesTheProfileSurfaceAtIntegerConcurrencies() {
    for (double context : new double[] {10, 350, 1000, 2997, 3150, 13585, 20000}) {
      for (int n : new int[] {1, 2, 17, 49, 300, 1573, 5000, 70_000}) {
        assertThat(tables.itlMillis(n, context))
            .as("ITL(%d, %s)", n, context)
            .isCloseTo(capacity.itlMillis(n, context).value(), within(1e-9));
      }
    }
  }
}
