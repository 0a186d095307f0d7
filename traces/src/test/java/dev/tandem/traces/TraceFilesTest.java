package dev.tandem.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers take the same trace plain or gzipped; a broken .gz is named, not misread. */
class TraceFilesTest {

  @TempDir Path tmp;

  static final String JSONL =
      """
      {"timestamp": 0, "input_length": 100, "output_length": 10}
      {"timestamp": 1500, "input_length": 200, "output_length": 20}
      """;

  @Test
  void aGzippedTraceReadsExactlyAsThePlainOne() throws IOException {
    Path plain = tmp.resolve("t.jsonl");
    Files.writeString(plain, JSONL);
    Path gz = tmp.resolve("t.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(JSONL.getBytes(StandardCharsets.UTF_8));
    }

    assertThat(JsonlTraceReader.read(gz)).isEqualTo(JsonlTraceReader.read(plain)).hasSize(2);
  }

  @Test
  void resolvePrefersThePlainFileThenTheGzippedOne() throws IOException {
    assertThat(TraceFiles.resolve(tmp, "a.csv")).isEqualTo(tmp.resolve("a.csv"));
    Files.writeString(tmp.resolve("a.csv.gz"), "x");
    assertThat(TraceFiles.resolve(tmp, "a.csv")).isEqualTo(tmp.resolve("a.csv.gz"));
    Files.writeString(tmp.resolve("a.csv"), "x");
    assertThat(TraceFiles.resolve(tmp, "a.csv")).isEqualTo(tmp.resolve("a.csv"));
  }

  @Test
  void aGzNameOnPlainBytesIsAnErrorNamingTheFile() throws IOException {
    Path fake = tmp.resolve("fake.csv.gz");
    Files.writeString(fake, "timestamp,input_length,output_length\n");

    assertThatThrownBy(() -> AzureTraceReader.read(fake))
        .hasMessageContaining("fake.csv.gz")
        .hasMessageContaining("not gzip data");
  }

  @Test
  void theShippedServeGenSeriesIsTheOneItWasCopiedFrom() {
    // The m-large aggregate as published: 2,016 ten-minute windows (14 days), none missing.
    LoadSeries s =
        ServeGenAggregateReader.read(TraceData.serveGen("servegen_m-large_aggregate_600s.csv"));
    assertThat(TraceData.serveGen("servegen_m-large_aggregate_600s.csv").toString())
        .endsWith(".csv.gz");
    assertThat(s.size()).isEqualTo(2016);
  }
}
