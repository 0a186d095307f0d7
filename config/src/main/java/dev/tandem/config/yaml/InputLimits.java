package dev.tandem.config.yaml;

import java.util.Optional;

/**
 * The bounds a YAML source must stay within before it reaches the YAML scanner. SnakeYAML reads a
 * plain scalar in time that grows with the square of its length (a 1 MiB value takes about a
 * second, 50 MiB took eight minutes and 1.8 GB) and keeps every document of a stream in memory, so
 * an unbounded file is a denial of service against {@code tandem validate} and against the
 * service's policy reload. Real policies and profiles are a few kilobytes: the limits below are two
 * orders of magnitude above them and keep the worst accepted input well under a second.
 *
 * @param maxBytes largest file accepted, checked from the file size before anything is read
 * @param maxDocuments most documents one file may hold
 * @param maxTokenLength longest run of characters without whitespace or a flow indicator (the shape
 *     of one long scalar, whose scanning is quadratic)
 */
public record InputLimits(long maxBytes, int maxDocuments, int maxTokenLength) {

  /** 1 MiB, 1,000 documents, 64 KiB tokens. */
  public static final InputLimits DEFAULT = new InputLimits(1L << 20, 1_000, 1 << 16);

  public InputLimits {
    if (maxBytes <= 0 || maxDocuments <= 0 || maxTokenLength <= 0) {
      throw new IllegalArgumentException("input limits must be positive");
    }
  }

  /** The first token longer than {@link #maxTokenLength()}, as a 1-based line and column. */
  Optional<SourceLocation> longToken(String source, String content) {
    int line = 1;
    int column = 1;
    int run = 0;
    int runLine = 1;
    int runColumn = 1;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (separates(c)) {
        run = 0;
      } else {
        if (run == 0) {
          runLine = line;
          runColumn = column;
        }
        if (++run > maxTokenLength) {
          return Optional.of(new SourceLocation(source, runLine, runColumn));
        }
      }
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return Optional.empty();
  }

  private static boolean separates(char c) {
    return switch (c) {
      case ' ', '\t', '\r', '\n', ',', '[', ']', '{', '}' -> true;
      default -> false;
    };
  }
}
