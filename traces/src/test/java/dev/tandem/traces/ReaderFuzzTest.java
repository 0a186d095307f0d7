package dev.tandem.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random, truncated and mutated traces fed to every reader: each either reads or throws its
 * documented {@link TraceFormatException}; no other exception may escape (no index, number format
 * or null-pointer exception reaches a user). Each case is named by its seed, so it reproduces.
 */
class ReaderFuzzTest {

  private static final String AZURE =
      """
      TIMESTAMP,ContextTokens,GeneratedTokens
      2023-11-16 18:15:46.6805900,374,44
      2023-11-16 18:15:50.9951690,396,109
      2023-11-16 18:15:51.2060000,879,46
      """;
  private static final String JSONL =
      """
      {"timestamp": 0, "input_length": 6755, "output_length": 500, "hash_ids": [1, 2]}
      {"timestamp": 1000, "input_length": 7, "output_length": 2}
      {"timestamp": 1500.5, "input_length": 10, "output_length": 3}
      """;
  private static final String SERVEGEN =
      """
      window_start_s,total_rate_rps,active_clients,est_mean_isl_tokens,est_mean_osl_tokens
      0,10,1,2000,300
      600,12.5,2,2100,310
      1200,nan,0,,
      """;

  @TempDir Path dir;

  record Mutant(long seed, String kind, String text) {
    @Override
    public String toString() {
      return "seed " + seed + " " + kind;
    }
  }

  static Stream<Mutant> mutants() {
    List<Mutant> out = new ArrayList<>();
    IntStream.range(0, 60)
        .forEach(
            i -> {
              long seed = 1000 + i;
              SplittableRandom r = new SplittableRandom(seed);
              for (String[] base :
                  List.of(
                      new String[] {"azure", AZURE},
                      new String[] {"jsonl", JSONL},
                      new String[] {"servegen", SERVEGEN})) {
                out.add(new Mutant(seed, base[0], mutate(base[1], r)));
                if (!base[0].equals("servegen")) {
                  out.add(new Mutant(seed, "detected", mutate(base[1], r)));
                }
              }
            });
    return out.stream();
  }

  /** Truncates, flips characters, duplicates or deletes a span, or writes random bytes. */
  private static String mutate(String text, SplittableRandom r) {
    StringBuilder s = new StringBuilder(text);
    switch (r.nextInt(5)) {
      case 0 -> s.setLength(r.nextInt(s.length() + 1));
      case 1 -> {
        for (int k = 0; k < 1 + r.nextInt(6); k++) {
          s.setCharAt(r.nextInt(s.length()), (char) (32 + r.nextInt(95)));
        }
      }
      case 2 -> {
        int a = r.nextInt(s.length());
        int b = Math.min(s.length(), a + r.nextInt(40));
        s.insert(r.nextInt(s.length()), s.substring(a, b));
      }
      case 3 -> {
        int a = r.nextInt(s.length());
        s.delete(a, Math.min(s.length(), a + 1 + r.nextInt(30)));
      }
      default -> {
        s.setLength(0);
        for (int k = 0; k < r.nextInt(200); k++) {
          s.append((char) r.nextInt(0x80));
        }
      }
    }
    return s.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutants")
  void onlyTheDocumentedExceptionEscapes(Mutant m) throws IOException {
    try {
      switch (m.kind()) {
        case "azure" ->
            AzureTraceReader.read(
                new ByteArrayInputStream(m.text().getBytes(StandardCharsets.UTF_8)), "fuzz.csv");
        case "jsonl" ->
            JsonlTraceReader.read(
                new ByteArrayInputStream(m.text().getBytes(StandardCharsets.UTF_8)), "fuzz.jsonl");
        case "detected" -> {
          // a user's file of either format, named neither: detection, then the chosen reader
          Path file = dir.resolve("fuzz.txt");
          Files.writeString(file, m.text());
          TraceFormat.read(file, TraceFormat.detect(file), JsonlTraceReader.Unit.MILLISECONDS);
        }
        default -> {
          Path file = dir.resolve("servegen_fuzz_aggregate_600s.csv");
          Files.writeString(file, m.text());
          ServeGenAggregateReader.read(file);
        }
      }
    } catch (TraceFormatException expected) {
      assertThat(expected.getMessage()).as("names the source").contains("fuzz");
    }
  }
}
