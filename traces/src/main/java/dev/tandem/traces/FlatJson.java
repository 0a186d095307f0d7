package dev.tandem.traces;

import java.util.HashMap;
import java.util.Map;

/**
 * A minimal parser for one JSON object per line: top-level numbers become {@link Double}, strings
 * {@link String}, booleans {@link Boolean}, {@code null} the string {@code "null"}; nested arrays
 * and objects are checked for balance and skipped (stored as the marker string {@code "<nested>"}).
 */
final class FlatJson {

  private final String text;
  private final String source;
  private final long line;
  private int pos;

  private FlatJson(String text, String source, long line) {
    this.text = text;
    this.source = source;
    this.line = line;
  }

  static Map<String, Object> parse(String text, String source, long line) {
    return new FlatJson(text, source, line).object();
  }

  private Map<String, Object> object() {
    Map<String, Object> fields = new HashMap<>();
    skipSpace();
    expect('{');
    skipSpace();
    if (peek() == '}') {
      pos++;
      return end(fields);
    }
    while (true) {
      skipSpace();
      String key = string();
      skipSpace();
      expect(':');
      skipSpace();
      fields.put(key, value());
      skipSpace();
      char c = next();
      if (c == '}') {
        return end(fields);
      }
      if (c != ',') {
        throw fail("expected ',' or '}' at column " + pos);
      }
    }
  }

  private Map<String, Object> end(Map<String, Object> fields) {
    skipSpace();
    if (pos != text.length()) {
      throw fail("unexpected text after the object at column " + (pos + 1));
    }
    return fields;
  }

  private Object value() {
    char c = peek();
    if (c == '"') {
      return string();
    }
    if (c == '{' || c == '[') {
      skipNested();
      return "<nested>";
    }
    if (text.startsWith("true", pos)) {
      pos += 4;
      return Boolean.TRUE;
    }
    if (text.startsWith("false", pos)) {
      pos += 5;
      return Boolean.FALSE;
    }
    if (text.startsWith("null", pos)) {
      pos += 4;
      return "null";
    }
    int start = pos;
    while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
    try {
      return Double.parseDouble(text.substring(start, pos));
    } catch (NumberFormatException e) {
      throw fail("bad value at column " + (start + 1));
    }
  }

  private void skipNested() {
    int depth = 0;
    do {
      char c = next();
      if (c == '"') {
        pos--;
        string();
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
      }
    } while (depth > 0);
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\') {
        char e = next();
        out.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
        if (e == 'u') {
          pos += 4;
        }
      } else {
        out.append(c);
      }
    }
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    if (pos >= text.length()) {
      throw fail("unexpected end of line");
    }
    return text.charAt(pos);
  }

  private char next() {
    char c = peek();
    pos++;
    return c;
  }

  private void expect(char c) {
    if (next() != c) {
      throw fail("expected '" + c + "' at column " + pos);
    }
  }

  private TraceFormatException fail(String problem) {
    return new TraceFormatException(source, line, "json", problem);
  }
}
