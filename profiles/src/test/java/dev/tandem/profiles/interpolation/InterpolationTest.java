package dev.tandem.profiles.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.profiles.SharedData;
import dev.tandem.profiles.model.PerformanceProfile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** TTFT(ISL) and ITL(concurrency, context) on the H200 8B profile, values derived by hand. */
class InterpolationTest {

  private static PerformanceProfile h200;

  @BeforeAll
  static void load() {
    h200 = SharedData.h200Current();
  }

  record Ttft(String name, double isl, double expectedMs, Placement placement) {}

  static Stream<Ttft> ttft() {
    return Stream.of(
        new Ttft("measured ISL 1117", 1117, 38.494131, Placement.AT_POINT),
        // Halfway between (1117, 38.494131) and (2134, 49.968438): the mean, 44.2312845.
        new Ttft("midpoint 1625.5", 1625.5, 44.2312845, Placement.INTERPOLATED),
        new Ttft("below ISL 100: clamped", 50, 19.525209, Placement.CLAMPED_BELOW),
        // Last segment (15355, 354.0895) → (16372, 375.482618) rises 21.393118 ms per 1017
        // tokens; 1017 tokens past the end: 375.482618 + 21.393118 = 396.875736.
        new Ttft("above ISL 16372: extrapolated", 17389, 396.875736, Placement.EXTRAPOLATED_ABOVE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ttft")
  void ttftCurve(Ttft c) {
    Estimate e = new TtftCurve(h200.prefill()).ttftMillis(c.isl());
    assertThat(e.value()).isCloseTo(c.expectedMs(), within(1e-9));
    assertThat(e.axis(TtftCurve.AXIS).placement()).isEqualTo(c.placement());
  }

  record Itl(
      String name,
      double concurrency,
      double context,
      double expectedMs,
      Placement alongConcurrency,
      Placement alongContext) {}

  static Stream<Itl> itl() {
    return Stream.of(
        new Itl(
            "measured (49, 2997)",
            49,
            2997,
            9.937452489795918,
            Placement.AT_POINT,
            Placement.AT_POINT),
        // Context 2997, between c=49 (9.937452489795918) and c=97 (15.479184278350514):
        // 9.937452489795918 + 43/48 × 5.541731788554596 = 14.901920237...
        new Itl(
            "between points (92, 2997)",
            92,
            2997,
            9.937452489795918 + 43.0 / 48 * (15.479184278350514 - 9.937452489795918),
            Placement.INTERPOLATED,
            Placement.AT_POINT),
        // Context 350 dips from 46.6476 ms (c=1049) to 40.9643 (c=1311): the envelope holds
        // 46.64760561201144 from 1049 to 1573.
        new Itl(
            "envelope over the dip (1311, 350)",
            1311,
            350,
            46.64760561201144,
            Placement.AT_POINT,
            Placement.AT_POINT),
        new Itl(
            "envelope between (1200, 350)",
            1200,
            350,
            46.64760561201144,
            Placement.INTERPOLATED,
            Placement.AT_POINT),
        // Halfway between contexts 2997 and 5644 at c=53: 2997 gives 9.937452489795918 + 4/48 ×
        // 5.541731788554596 = 10.399263472175468, 5644 gives 15.117307396226416; mean
        // 12.758285434...
        new Itl(
            "between contexts (53, 4320.5)",
            53,
            4320.5,
            (9.937452489795918
                    + 4.0 / 48 * (15.479184278350514 - 9.937452489795918)
                    + 15.117307396226416)
                / 2,
            Placement.INTERPOLATED,
            Placement.INTERPOLATED),
        new Itl(
            "below the first concurrency (0.5, 2997): clamped",
            0.5,
            2997,
            4.427375,
            Placement.CLAMPED_BELOW,
            Placement.AT_POINT),
        new Itl(
            "below the first context (1, 100): clamped to 350",
            1,
            100,
            4.379871,
            Placement.AT_POINT,
            Placement.CLAMPED_BELOW),
        // Context 2997 past c=289: last slope (41.70781893771626 − 31.796729746887966) / 48 =
        // 0.2064810248..., steeper than the mean slope (41.7078 − 4.4274) / 288 = 0.1294; 11 more
        // sequences: 41.70781893771626 + 11 × 0.20648102481...
        new Itl(
            "above the last concurrency (300, 2997): extrapolated",
            300,
            2997,
            41.70781893771626 + 11 * (41.70781893771626 - 31.796729746887966) / 48,
            Placement.EXTRAPOLATED_ABOVE,
            Placement.AT_POINT),
        // Context 350 past c=1573: the envelope's last segment is flat (46.6476 from 1049), so
        // the mean slope (46.64760561201144 − 4.379871) / 1572 is used: 427 more sequences.
        new Itl(
            "flat tail uses the mean slope (2000, 350)",
            2000,
            350,
            46.64760561201144 + 427 * (46.64760561201144 - 4.379871) / 1572,
            Placement.EXTRAPOLATED_ABOVE,
            Placement.AT_POINT),
        // Above context 13585 at c=12: 13585 gives 9.840720416666665; 10938 gives 4.695279 + 11/14
        // × (9.734253666666666 − 4.695279); per context token slope × 1000 more tokens.
        new Itl(
            "above the last context (12, 14585): extrapolated",
            12,
            14585,
            9.840720416666665
                + 1000
                    * (9.840720416666665 - (4.695279 + 11.0 / 14 * (9.734253666666666 - 4.695279)))
                    / (13585 - 10938),
            // Concurrency 12 is measured at 13585 but interpolated at 10938: the worse is kept.
            Placement.INTERPOLATED,
            Placement.EXTRAPOLATED_ABOVE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("itl")
  void itlSurface(Itl c) {
    Estimate e = new ItlSurface(h200).itlMillis(c.concurrency(), c.context());
    assertThat(e.value()).isCloseTo(c.expectedMs(), within(1e-9));
    assertThat(e.axis(ItlSurface.CONCURRENCY).placement()).isEqualTo(c.alongConcurrency());
    assertThat(e.axis(ItlSurface.CONTEXT).placement()).isEqualTo(c.alongContext());
  }

  static Stream<Double> contexts() {
    return Stream.of(100.0, 350.0, 1000.0, 2997.0, 4000.0, 8291.0, 12000.0, 13585.0);
  }

  @ParameterizedTest(name = "context {0}")
  @MethodSource("contexts")
  void itlNeverFallsWithConcurrencyInsideTheContextRange(double context) {
    ItlSurface surface = new ItlSurface(h200);
    double previous = 0;
    for (int c = 1; c <= 2000; c++) {
      double v = surface.itlMillis(c, context).value();
      assertThat(v).as("ITL at %d", c).isGreaterThanOrEqualTo(previous);
      previous = v;
    }
  }
}
