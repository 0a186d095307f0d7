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

  static Path sharedData() {
    return root().resolve("../shared/data").normalize();
  }
}
