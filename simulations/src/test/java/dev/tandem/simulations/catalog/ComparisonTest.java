package dev.tandem.simulations.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.simulations.TestProfiles;
import dev.tandem.simulations.compare.Frontier;
import dev.tandem.simulations.engine.ProgressListener;
import dev.tandem.simulations.report.RunSummary;
import dev.tandem.simulations.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short comparison end to end: 15 minutes of the reference benchmark with every standard policy,
 * the best static split and oracle searches, the frontier sweeps, and the output directory.
 */
class ComparisonTest {

  @TempDir Path out;

  @Test
  void searchesReachTheTargetAndEveryOutputIsWritten() throws Exception {
    ScenarioCatalog.Options o =
        new ScenarioCatalog.Options(
            TestProfiles.h200(),
            Optional.empty(),
            42,
            Optional.empty(),
            Optional.of(Duration.ofMinutes(15)),
            Optional.empty());
    Scenario s = ScenarioCatalog.build("dynamo-sinusoid", o);
    Comparison c =
        Comparison.run(
            s,
            PolicyRegistry.standard(),
            new Comparison.Plan(
                List.of("static-2p2d", "dynamo-sla", "hpa", "best-static", "oracle"),
                true,
                0.9,
                name -> ProgressListener.NONE,
                line -> {}));
    System.out.print(ComparisonText.render(c));
    List<RunSummary> rows = c.summaries();
    assertThat(rows).hasSize(5);
    RunSummary best = rows.get(3);
    RunSummary oracle = rows.get(4);
    assertThat(best.policy()).startsWith("best-static-");
    assertThat(best.slaAttainment()).isGreaterThanOrEqualTo(0.9);
    assertThat(oracle.slaAttainment()).isGreaterThanOrEqualTo(0.9);
    // Hindsight never costs more than the best fixed split at the same target.
    assertThat(oracle.gpuHours()).isLessThanOrEqualTo(best.gpuHours() * 1.02);
    for (RunSummary r : rows) {
      assertThat(r.completed()).isEqualTo(r.requests());
    }
    assertThat(c.frontiers())
        .extracting(Frontier::family)
        .containsExactly("static", "hpa", "dynamo-sla", "oracle");
    assertThat(c.comparisons()).hasSize(5 * 4);
    // The best static split lies on the static frontier: ratio 1 against it.
    assertThat(c.comparisons().get(3 * 4).ratio())
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));

    List<Path> files = OutputDirectory.write(c, out);
    for (Path f : files) {
      assertThat(f).exists();
      assertThat(Files.size(f)).as(f.toString()).isGreaterThan(100);
    }
    for (String png :
        List.of("prefill.png", "decode.png", "ttft.png", "itl.png", "gpus.png", "frontier.png")) {
      byte[] head = Files.readAllBytes(out.resolve(png));
      assertThat(head[1]).as(png).isEqualTo((byte) 'P');
      assertThat(head[2]).isEqualTo((byte) 'N');
    }
    assertThat(Files.readString(out.resolve("index.html")))
        .contains("<img src=\"prefill.png\"")
        .contains("best-static-");
    assertThat(Files.readString(out.resolve("frontier.csv"))).startsWith("kind,family,label");
  }
}
