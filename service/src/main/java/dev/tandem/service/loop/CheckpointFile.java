package dev.tandem.service.loop;

import dev.tandem.planner.DeploymentKey;
import dev.tandem.planner.history.HistoryCodec;
import dev.tandem.planner.history.ScalingHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The loop's memory on disk: every deployment's {@link ScalingHistory} (decisions, stabilisation
 * window, learned correction, forecaster state) in {@link HistoryCodec}'s text form, one section
 * per deployment:
 *
 * <pre>
 * tandem-checkpoint v1
 * deployment inference/llama-8b lines=14
 * tandem-scaling-history v1
 * role prefill correction=1.0 ...
 * ...
 * </pre>
 *
 * Written to a temporary file and moved over the old one, so a crash mid-write leaves the previous
 * checkpoint. Reading never throws: a file that is not a checkpoint (foreign, truncated, corrupt)
 * yields no histories and a sentence saying why; a damaged section loses only its deployment.
 */
public final class CheckpointFile {

  static final String HEADER = "tandem-checkpoint v1";

  private final Path file;

  public CheckpointFile(Path file) {
    this.file = file;
  }

  public Path path() {
    return file;
  }

  /**
   * What a read found.
   *
   * @param histories the histories restored
   * @param problems what was ignored and why (empty when the file was whole or absent)
   */
  public record Restored(Map<DeploymentKey, ScalingHistory> histories, List<String> problems) {

    public Restored {
      histories = Map.copyOf(histories);
      problems = List.copyOf(problems);
    }
  }

  public void write(Map<DeploymentKey, ScalingHistory> histories) throws IOException {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (Map.Entry<DeploymentKey, ScalingHistory> e : new TreeMap<>(histories).entrySet()) {
      String text = HistoryCodec.write(e.getValue());
      long lines = text.lines().count();
      out.append("deployment ")
          .append(e.getKey())
          .append(" lines=")
          .append(lines)
          .append('\n')
          .append(text);
      if (!text.endsWith("\n")) {
        out.append('\n');
      }
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".checkpoint", ".tmp");
    Files.writeString(tmp, out, StandardCharsets.UTF_8);
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  public Restored read() {
    if (!Files.exists(file)) {
      return new Restored(Map.of(), List.of());
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return ignored(file + ": cannot be read (" + e.getMessage() + "); starting without history");
    }
    if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
      return ignored(
          file
              + ":1: not a Tandem checkpoint (expected '"
              + HEADER
              + "'); ignored, starting without history");
    }
    Map<DeploymentKey, ScalingHistory> histories = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    int i = 1;
    while (i < lines.size()) {
      String line = lines.get(i);
      int lineNo = i + 1;
      String[] f = line.strip().split(" ");
      if (line.isBlank()) {
        i++;
        continue;
      }
      if (f.length != 3 || !f[0].equals("deployment") || !f[2].startsWith("lines=")) {
        problems.add(
            file
                + ":"
                + lineNo
                + ": expected 'deployment NAMESPACE/NAME lines=N'; the rest of the file is"
                + " ignored");
        break;
      }
      int count;
      DeploymentKey key;
      try {
        key = DeploymentKey.parse(f[1]);
        count = Integer.parseInt(f[2].substring("lines=".length()));
      } catch (IllegalArgumentException e) {
        problems.add(file + ":" + lineNo + ": " + e.getMessage() + "; the rest is ignored");
        break;
      }
      if (count < 1 || i + 1 + count > lines.size()) {
        problems.add(
            file + ":" + lineNo + ": section of " + key + " is truncated; the rest is ignored");
        break;
      }
      String text = String.join("\n", lines.subList(i + 1, i + 1 + count)) + "\n";
      try {
        histories.put(key, HistoryCodec.read(text));
      } catch (RuntimeException e) {
        problems.add(
            file
                + ":"
                + lineNo
                + ": history of "
                + key
                + " is damaged ("
                + e.getMessage()
                + "); that deployment starts without history");
      }
      i += 1 + count;
    }
    return new Restored(histories, problems);
  }

  private static Restored ignored(String why) {
    return new Restored(Map.of(), List.of(why));
  }
}
