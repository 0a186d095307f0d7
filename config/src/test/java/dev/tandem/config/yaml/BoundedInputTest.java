package dev.tandem.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input that would hang or exhaust the YAML scanner is refused before it is scanned, with the
 * position and the limit; an empty or binary file is a problem, not an empty success.
 */
class BoundedInputTest {

  @TempDir Path dir;

  @Test
  void aFileOverTheSizeLimitIsRefusedFromItsSizeAlone() throws IOException {
    Path big = dir.resolve("big.yaml");
    Files.write(big, new byte[(1 << 20) + 1]); // NUL bytes: were it read, it would be "binary"
    assertThat(problem(big))
        .endsWith("is 1,048,577 bytes; policy and profile files are limited to 1,048,576 bytes");
  }

  @Test
  void oneLongScalarIsRefusedAtItsPosition() throws IOException {
    Path file = dir.resolve("long.yaml");
    Files.writeString(file, "a: 1\nkey: " + "x".repeat(70_000) + "\n");
    assertThat(problem(file))
        .startsWith(file + ":2:6: ")
        .contains("a value longer than 65,536 characters");
  }

  @Test
  void longButSpacedTextIsAccepted() throws IOException {
    Path file = dir.resolve("prose.yaml");
    Files.writeString(file, "note: \"" + "word ".repeat(20_000) + "\"\n");
    assertThat(YamlDocuments.read(file)).hasSize(1);
  }

  @Test
  void tooManyDocumentsAreRefusedAtTheFirstOneOverTheLimit() {
    String stream = "a: 1\n---\n".repeat(5);
    assertThatThrownBy(
            () -> YamlDocuments.read("many.yaml", stream, new InputLimits(1 << 20, 3, 1 << 16)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("many.yaml:7:1: more than 3 YAML documents in one file");
  }

  @Test
  void anEmptyFileIsAProblem() throws IOException {
    Path empty = dir.resolve("empty.yaml");
    Files.writeString(empty, "# only a comment\n");
    assertThat(problem(empty))
        .isEqualTo(empty + ": holds no YAML document (the file is empty or only comments)");
  }

  @Test
  void aBinaryFileIsNamedAsSuch() throws IOException {
    Path gz = dir.resolve("policy.yaml");
    Files.write(gz, new byte[] {'a', ':', ' ', (byte) 0x8b, (byte) 0xff, 0});
    assertThat(problem(gz))
        .isEqualTo(gz + ": is not UTF-8 text (a binary file?): invalid byte at offset 3");
    Path nul = dir.resolve("nul.yaml");
    Files.write(nul, "a: 1\n\0\0".getBytes(StandardCharsets.UTF_8));
    assertThat(problem(nul))
        .isEqualTo(nul + ": is not text (a binary file?): NUL character at offset 5");
  }

  @Test
  void aDirectoryIsNotReadAsAFile() {
    assertThat(problem(dir)).isEqualTo(dir + ": is a directory, not a YAML file");
  }

  @Test
  void aBrokenLinkIsOneProblemAndTheRestIsListed() throws IOException {
    Path good = dir.resolve("good.yaml");
    Files.writeString(good, "a: 1\n");
    Path broken = dir.resolve("gone.yaml");
    Files.createSymbolicLink(broken, dir.resolve("missing-target.yaml"));
    Problems problems = new Problems();
    assertThat(YamlFiles.readAll(dir, problems)).hasSize(1);
    assertThat(problems.list())
        .singleElement()
        .asString()
        .isEqualTo(broken + ": is a symbolic link to nothing");
  }

  @Test
  void aMountedConfigMapIsReadOnceThroughItsLinks() throws IOException {
    // the layout the kubelet's atomic writer makes: real files in a hidden timestamped directory
    Path stamped = Files.createDirectories(dir.resolve("..2026_12_04_21_00_00.1"));
    Files.writeString(stamped.resolve("policy.yaml"), "a: 1\n");
    Files.createSymbolicLink(dir.resolve("..data"), stamped.getFileName());
    Files.createSymbolicLink(dir.resolve("policy.yaml"), Path.of("..data/policy.yaml"));
    Problems problems = new Problems();
    assertThat(YamlFiles.list(dir, problems)).containsExactly(dir.resolve("policy.yaml"));
    assertThat(problems.list()).isEmpty();
  }

  private static String problem(Path file) {
    try {
      YamlDocuments.read(file);
    } catch (InvalidInputException e) {
      assertThat(e.problems()).hasSize(1);
      return e.problems().get(0).toString();
    }
    throw new AssertionError("no problem reported for " + file);
  }
}
