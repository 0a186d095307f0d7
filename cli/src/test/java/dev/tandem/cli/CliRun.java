package dev.tandem.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** The result of one in-process run of the {@code tandem} command. */
record CliRun(int exitCode, String out, String err) {

  static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = TandemCli.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The repository root (surefire sets tandem.root; the module directory's parent otherwise). */
  static Path root() {
    return Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize();
  }

  /** The data shipped with the repository ({@code data/}, see its {@code SOURCE.md}). */
  static Path data() {
    return root().resolve("data");
  }

  /** A shipped Azure trace (gzipped, in the simulator's resources). */
  static Path azure(String service) {
    return root()
        .resolve("simulations/src/main/resources/dev/tandem/simulations/traces")
        .resolve("AzureLLMInferenceTrace_" + service + ".csv.gz");
  }
}
