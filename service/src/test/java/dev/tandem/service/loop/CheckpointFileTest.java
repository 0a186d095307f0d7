package dev.tandem.service.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.history.HistoryCodec;
import dev.tandem.planner.history.ScalingHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {

  @TempDir Path dir;

  @Test
  void roundTripsEveryDeployment() throws Exception {
    CheckpointFile file = new CheckpointFile(dir.resolve("sub/checkpoint.txt"));
    DeploymentKey a = new DeploymentKey("ns", "a");
    DeploymentKey b = new DeploymentKey("ns", "b");
    file.write(Map.of(a, ScalingHistory.empty(), b, ScalingHistory.empty()));
    CheckpointFile.Restored r = file.read();
    assertThat(r.problems()).isEmpty();
    assertThat(r.histories()).containsOnlyKeys(a, b);
    assertThat(HistoryCodec.write(r.histories().get(a)))
        .isEqualTo(HistoryCodec.write(ScalingHistory.empty()));
  }

  @Test
  void aTruncatedFileKeepsTheWholeSectionsBeforeTheCut() throws Exception {
    CheckpointFile file = new CheckpointFile(dir.resolve("checkpoint.txt"));
    DeploymentKey a = new DeploymentKey("ns", "a");
    DeploymentKey b = new DeploymentKey("ns", "b");
    file.write(Map.of(a, ScalingHistory.empty(), b, ScalingHistory.empty()));
    String text = Files.readString(file.path());
    Files.writeString(file.path(), text.substring(0, text.length() - 40));
    CheckpointFile.Restored r = file.read();
    assertThat(r.histories()).containsOnlyKeys(a);
    assertThat(r.problems()).singleElement().asString().contains("section of ns/b is truncated");
  }

  @Test
  void anAbsentFileIsAFreshStartWithoutProblems() {
    CheckpointFile.Restored r = new CheckpointFile(dir.resolve("none.txt")).read();
    assertThat(r.histories()).isEmpty();
    assertThat(r.problems()).isEmpty();
  }
}
