package dev.tandem.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format of a trace comes from its content; names only decide whether to mention it. */
class TraceFormatTest {

  private static final String CSV =
      "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46.6805900,374,44\n";
  private static final String JSONL =
      "\n{\"timestamp\": 0, \"input_length\": 7, \"output_length\": 2}\n";

  @TempDir Path dir;

  @Test
  void aCsvNamedTxtIsReadAsCsvAndTheNameIsSaidToDisagree() throws IOException {
    Path file = Files.writeString(dir.resolve("trace.txt"), CSV);

    TraceFormat.Detected d = TraceFormat.detect(file);

    assertThat(d.format()).isEqualTo(TraceFormat.AZURE_CSV);
    assertThat(d.nameAgrees()).isFalse();
    assertThat(d.why()).contains("CSV header (TIMESTAMP,ContextTokens,GeneratedTokens)");
    assertThat(TraceFormat.read(file, d, JsonlTraceReader.Unit.AUTO))
        .containsExactly(new Request(0, 374, 44));
  }

  @Test
  void jsonlNamedCsvIsReadAsJsonlAndGzipIsLookedThrough() throws IOException {
    Path file = dir.resolve("trace.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(JSONL.getBytes(StandardCharsets.UTF_8));
    }

    TraceFormat.Detected d = TraceFormat.detect(file);

    assertThat(d.format()).isEqualTo(TraceFormat.JSONL);
    assertThat(d.nameAgrees()).isFalse();
    assertThat(TraceFormat.detect(Files.writeString(dir.resolve("t.jsonl"), JSONL)).nameAgrees())
        .isTrue();
  }

  @Test
  void neitherFormatIsRefusedSayingWhatWasExpected() throws IOException {
    Path file = Files.writeString(dir.resolve("notes.txt"), "hello world\n");

    assertThatThrownBy(() -> TraceFormat.detect(file))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage(
            "notes.txt:1: format: neither a JSON object (a Dynamo/Mooncake JSONL trace) nor a CSV"
                + " header (an Azure trace: TIMESTAMP,ContextTokens,GeneratedTokens); the first"
                + " line is 'hello world'");
  }

  @Test
  void aLengthAboveTheBoundIsRefusedAtItsLineAndField() {
    String csv = CSV + "2023-11-16 18:15:47.0,99999999,44\n";
    assertThatThrownBy(
            () ->
                AzureTraceReader.read(
                    new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "big.csv"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessage(
            "big.csv:3: ContextTokens: 99,999,999 tokens is above the most a trace may give one"
                + " request, 10,000,000 (Request.MAX_TOKENS)");
    String jsonl = "{\"timestamp\": 0, \"input_length\": 7, \"output_length\": 10000001}\n";
    assertThatThrownBy(
            () ->
                JsonlTraceReader.read(
                    new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)), "big.jsonl"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageStartingWith("big.jsonl:1: output_length: 10,000,001 tokens is above the most");
    // the bound itself is allowed
    String atBound = CSV + "2023-11-16 18:15:47.0,10000000,1\n";
    assertThat(
            AzureTraceReader.read(
                new ByteArrayInputStream(atBound.getBytes(StandardCharsets.UTF_8)), "ok.csv"))
        .hasSize(2);
  }

  @Test
  void anEmptyHeaderNameOrAnUnclosedQuoteIsATraceFormatException() {
    String header = "TIMESTAMP,,GeneratedTokens\n2023-11-16 18:15:46,1,2\n";
    assertThatThrownBy(
            () ->
                AzureTraceReader.read(
                    new ByteArrayInputStream(header.getBytes(StandardCharsets.UTF_8)), "h.csv"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageStartingWith("h.csv:1: header: A header name is missing");
    String quote = CSV + "\"2023-11-16 18:15:47,1,2\n";
    assertThatThrownBy(
            () ->
                AzureTraceReader.read(
                    new ByteArrayInputStream(quote.getBytes(StandardCharsets.UTF_8)), "q.csv"))
        .isInstanceOf(TraceFormatException.class)
        .hasMessageStartingWith("q.csv:3: quoting: ");
  }
}
