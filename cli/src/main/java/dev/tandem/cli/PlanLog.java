package dev.tandem.cli;

import dev.tandem.planner.PlanText;
import dev.tandem.planner.ScalingPlan;
import dev.tandem.planner.TickReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes every tick of a simulated Tandem control loop as text: each plan as {@link PlanText}
 * renders it (targets, desired counts, predictions, corrections, forecasts, with their reasons) and
 * each failure on its own line. Used by {@code tandem simulate --explain}.
 */
final class PlanLog implements AutoCloseable {

  /** Writes nothing. */
  static final PlanLog NONE = new PlanLog(null, null);

  private final Path file;
  private final BufferedWriter out;

  private PlanLog(Path file, BufferedWriter out) {
    this.file = file;
    this.out = out;
  }

  /** A log writing to {@code file} (its directory is created). */
  static PlanLog open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      return new PlanLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  void accept(TickReport report) {
    if (out == null) {
      return;
    }
    try {
      for (ScalingPlan plan : report.plans()) {
        out.write(PlanText.render(plan));
        out.write('\n');
      }
      for (TickReport.Failure f : report.failures()) {
        out.write("failure at " + report.at() + " (" + f.stage() + "): " + f.message() + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (out == null) {
      return;
    }
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
