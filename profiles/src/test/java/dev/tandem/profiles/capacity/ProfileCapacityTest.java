package dev.tandem.profiles.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tandem.profiles.SharedData;
import dev.tandem.profiles.model.EngineSpec;
import dev.tandem.profiles.model.PerformanceProfile;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Capacity of one H200 8B TP1 engine (KV 945,029 tokens), from measured points so every number is
 * checkable by hand. Context 2997 curve (concurrency: ITL ms): 1: 4.427375, 49: 9.937452489795918,
 * 97: 15.479184278350514, …, 241: 31.796729746887966, 289: 41.70781893771626.
 */
class ProfileCapacityTest {

  private static final double ITL_49 = 9.937452489795918;
  private static final double ITL_97 = 15.479184278350514;
  private static final double ITL_241 = 31.796729746887966;
  private static final double ITL_289 = 41.70781893771626;

  private static PerformanceProfile h200;

  @BeforeAll
  static void load() {
    h200 = SharedData.h200Current();
  }

  record Prefill(String name, double isl, double ttftMs) {}

  static Stream<Prefill> prefill() {
    return Stream.of(
        // 1117 tokens in 38.494131 ms: 29,017.41 tokens/s, 25.978 requests/s.
        new Prefill("measured ISL 1117", 1117, 38.494131),
        new Prefill("midpoint ISL 1625.5", 1625.5, (38.494131 + 49.968438) / 2),
        new Prefill("ISL 16372", 16372, 375.482618));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("prefill")
  void prefillPerEngine(Prefill c) {
    PrefillCapacity p = new ProfileCapacity(h200).prefill(c.isl());
    assertThat(p.ttftMillis().value()).isCloseTo(c.ttftMs(), within(1e-9));
    assertThat(p.tokensPerSecondPerEngine()).isCloseTo(c.isl() / (c.ttftMs() / 1000), within(1e-6));
    assertThat(p.requestsPerSecondPerEngine()).isCloseTo(1000 / c.ttftMs(), within(1e-9));
  }

  record Decode(
      String name,
      Optional<Integer> maxSequences,
      double targetMs,
      double context,
      int concurrency,
      DecodeBound bound,
      double itlMs,
      boolean extrapolated) {}

  static Stream<Decode> decode() {
    double slope289 = (ITL_289 - ITL_241) / 48;
    return Stream.of(
        // ITL(c) = ITL_49 + (c − 49)/48 × (ITL_97 − ITL_49) = 15 at c = 49 + 48 × 5.062548 /
        // 5.541732 = 92.85 → 92 sequences, ITL(92) = ITL_49 + 43/48 × 5.541732 = 14.9019 ms.
        new Decode(
            "between points, ITL binds",
            Optional.empty(),
            15,
            2997,
            92,
            DecodeBound.ITL_TARGET,
            ITL_49 + 43.0 / 48 * (ITL_97 - ITL_49),
            false),
        // Exactly a measured ITL: c = 97 meets it, 98 does not.
        new Decode(
            "target equal to a measured point",
            Optional.empty(),
            ITL_97,
            2997,
            97,
            DecodeBound.ITL_TARGET,
            ITL_97,
            false),
        // KV bound floor(945029 / 2997) = 315; extrapolated ITL(315) = ITL_289 + 26 × 0.2064810 =
        // 47.0763 ms ≤ 50, so the KV cache binds first.
        new Decode(
            "KV capacity binds (extrapolated ITL)",
            Optional.empty(),
            50,
            2997,
            315,
            DecodeBound.KV_CAPACITY,
            ITL_289 + 26 * slope289,
            true),
        // maxSequences 50 < 92: ITL(50) = ITL_49 + 1/48 × 5.541732 = 10.0529 ms.
        new Decode(
            "max sequences binds",
            Optional.of(50),
            15,
            2997,
            50,
            DecodeBound.MAX_SEQUENCES,
            ITL_49 + 1.0 / 48 * (ITL_97 - ITL_49),
            false),
        // ITL(1) = 4.427375 > 4: nothing meets the target.
        new Decode(
            "target below batch-1 ITL",
            Optional.empty(),
            4,
            2997,
            0,
            DecodeBound.ITL_TARGET,
            4.427375,
            false),
        // Context 13585, c = 1..12 span 4.826462 → 9.840720416666665; 10 ms lies in (12, 23]:
        // 12 + 11 × (10 − 9.840720) / (15.793616 − 9.840720) = 12.29 → 12, ITL(12) measured.
        new Decode(
            "longest context",
            Optional.empty(),
            10,
            13585,
            12,
            DecodeBound.ITL_TARGET,
            9.840720416666665,
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decode")
  void decodePerEngine(Decode c) {
    PerformanceProfile profile = c.maxSequences().map(m -> withMaxSequences(h200, m)).orElse(h200);
    DecodeCapacity d = new ProfileCapacity(profile).decode(c.targetMs(), c.context());
    assertThat(d.maxConcurrency()).isEqualTo(c.concurrency());
    assertThat(d.bound()).isEqualTo(c.bound());
    assertThat(d.kvBoundSequences()).isEqualTo((long) Math.floor(945029 / c.context()));
    assertThat(d.itlMillis().value()).isCloseTo(c.itlMs(), within(1e-9));
    assertThat(d.itlMillis().isExtrapolated()).isEqualTo(c.extrapolated());
    double tokens = c.concurrency() == 0 ? 0 : c.concurrency() / (c.itlMs() / 1000);
    assertThat(d.outputTokensPerSecondPerEngine()).isCloseTo(tokens, within(1e-6));
    assertThat(d.requestsPerSecond(300)).isCloseTo(tokens / 300, within(1e-8));
  }

  private static PerformanceProfile withMaxSequences(PerformanceProfile p, int max) {
    EngineSpec e = p.engine();
    return new PerformanceProfile(
        p.metadata(),
        p.gpu(),
        p.model(),
        new EngineSpec(
            e.name(),
            e.version(),
            e.tensorParallelSize(),
            e.gpusPerEngine(),
            e.kvCapacityTokens(),
            e.maxBatchedTokens(),
            Optional.of(max),
            e.kvTransferBytesPerSecond()),
        p.prefill(),
        p.decode());
  }
}
