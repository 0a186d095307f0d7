package dev.tandem.profiles.io;

import dev.tandem.profiles.interpolation.Numbers;
import dev.tandem.profiles.model.DecodePoint;
import dev.tandem.profiles.model.EngineSpec;
import dev.tandem.profiles.model.PerformanceProfile;
import dev.tandem.profiles.model.PrefillPoint;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Writes a profile as YAML that {@link PerformanceProfileLoader} reads back to an equal profile: a
 * comment header (name and attribution), block-style sections, and one flow-style row per point.
 * Numbers are written as plain decimals of their shortest exact representation (no rounding), so
 * the round trip is exact; decode rows whose concurrency is derived from KV usage carry it as a
 * trailing comment for the reader.
 */
public final class PerformanceProfileWriter {

  private PerformanceProfileWriter() {}

  public static String write(PerformanceProfile p) {
    StringBuilder out = new StringBuilder();
    out.append("# Tandem performance profile: ").append(p.metadata().name()).append('\n');
    String prefix = "Source: ";
    for (String line : p.metadata().source().split("\n", -1)) {
      if (!line.isBlank()) {
        wrap(out, prefix + line.strip());
        prefix = "";
      }
    }
    out.append("# Format: profiles/PROFILE_FORMAT.md. One engine = ")
        .append(p.engine().gpusPerEngine())
        .append(" GPU(s); times in ms; throughput in tokens/s/GPU.\n");
    out.append("apiVersion: ").append(ProfileFormat.API_VERSION).append('\n');
    out.append("kind: ").append(ProfileFormat.KIND).append('\n');
    out.append("metadata:\n");
    out.append("  name: ").append(quote(p.metadata().name())).append('\n');
    if (!p.metadata().source().isEmpty()) {
      out.append("  source: ").append(quote(p.metadata().source())).append('\n');
    }
    out.append("spec:\n");
    out.append("  gpu:\n");
    out.append("    type: ").append(quote(p.gpu().type())).append('\n');
    optional(out, "    peakFlopsPerSecond", p.gpu().peakFlopsPerSecond());
    out.append("  model:\n");
    out.append("    name: ").append(quote(p.model().name())).append('\n');
    optional(out, "    parameters", p.model().parameters());
    p.model().dtype().ifPresent(d -> out.append("    dtype: ").append(quote(d)).append('\n'));
    engine(out, p.engine());
    out.append(
        "  # Batch-1 prefill: input length (tokens), TTFT (ms), throughput (tokens/s/GPU).\n");
    out.append("  prefill:\n");
    for (PrefillPoint x : p.prefill()) {
      out.append("    - {isl: ")
          .append(x.inputTokens())
          .append(", ttftMs: ")
          .append(number(x.ttftMillis()))
          .append(", tokensPerSecondPerGpu: ")
          .append(number(x.tokensPerSecondPerGpu()))
          .append("}\n");
    }
    out.append(
        "  # Decode: context (tokens per sequence), KV usage (fraction of kvCapacityTokens)\n");
    out.append("  # and/or concurrency (sequences), ITL (ms), output throughput (tokens/s/GPU).\n");
    out.append("  decode:\n");
    for (DecodePoint x : p.decode()) {
      decodeRow(out, x, p.engine().kvCapacityTokens());
    }
    return out.toString();
  }

  private static void engine(StringBuilder out, EngineSpec e) {
    out.append("  engine:\n");
    out.append("    name: ").append(quote(e.name())).append('\n');
    out.append("    version: ").append(quote(e.version())).append('\n');
    out.append("    tensorParallelSize: ").append(e.tensorParallelSize()).append('\n');
    out.append("    gpusPerEngine: ").append(e.gpusPerEngine()).append('\n');
    out.append("    kvCapacityTokens: ").append(e.kvCapacityTokens()).append('\n');
    e.maxBatchedTokens()
        .ifPresent(v -> out.append("    maxBatchedTokens: ").append(v).append('\n'));
    e.maxSequences().ifPresent(v -> out.append("    maxSequences: ").append(v).append('\n'));
    optional(out, "    kvTransferBytesPerSecond", e.kvTransferBytesPerSecond());
    optional(out, "    kvBytesPerToken", e.kvBytesPerToken());
  }

  private static void decodeRow(StringBuilder out, DecodePoint x, long kvCapacity) {
    out.append("    - {context: ").append(number(x.contextTokens()));
    boolean derived =
        x.kvUsage().isPresent()
            && DecodePoint.concurrency(x.kvUsage().get(), kvCapacity, x.contextTokens())
                == x.concurrency();
    x.kvUsage().ifPresent(u -> out.append(", kvUsage: ").append(number(u)));
    if (!derived) {
      out.append(", concurrency: ").append(number(x.concurrency()));
    }
    out.append(", itlMs: ")
        .append(number(x.itlMillis()))
        .append(", tokensPerSecondPerGpu: ")
        .append(number(x.outputTokensPerSecondPerGpu()))
        .append('}');
    if (derived) {
      out.append("  # concurrency ").append(Numbers.compact(x.concurrency()));
    }
    out.append('\n');
  }

  /** Appends {@code text} as comment lines of at most about 100 characters. */
  private static void wrap(StringBuilder out, String text) {
    StringBuilder line = new StringBuilder("#");
    for (String word : text.split(" ")) {
      if (line.length() > 1 && line.length() + 1 + word.length() > 100) {
        out.append(line).append('\n');
        line = new StringBuilder("#");
      }
      line.append(' ').append(word);
    }
    out.append(line).append('\n');
  }

  private static void optional(StringBuilder out, String key, Optional<Double> value) {
    value.ifPresent(v -> out.append(key).append(": ").append(number(v)).append('\n'));
  }

  /** The shortest decimal that reads back to exactly {@code v}, without an exponent. */
  static String number(double v) {
    String plain = new BigDecimal(Double.toString(v)).toPlainString();
    return plain.endsWith(".0") ? plain.substring(0, plain.length() - 2) : plain;
  }

  /** A YAML double-quoted scalar. */
  static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\t' -> q.append("\\t");
        default -> {
          if (c < 0x20) {
            q.append(String.format("\\x%02x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
