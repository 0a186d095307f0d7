package dev.tandem.profiles.dynamo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} files: format versions 1.0, 2.0 and 3.0; C order only; little-endian
 * {@code <f8 <f4 <i8 <i4}, and unicode {@code <U n} strings (UTF-32LE, NUL-padded); shapes {@code
 * ()}, {@code (N,)} and {@code (R, N)}. Anything else is an {@link IOException} that names the file
 * and what was found.
 */
public final class NpyReader {

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private NpyReader() {}

  public static NpyArray read(String name, InputStream in) throws IOException {
    byte[] bytes = in.readAllBytes();
    if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
      throw new IOException(name + ": not a .npy file (no \\x93NUMPY magic)");
    }
    int major = bytes[6];
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int headerLength;
    int headerStart;
    if (major == 1) {
      headerLength = Short.toUnsignedInt(buffer.getShort(8));
      headerStart = 10;
    } else if (major == 2 || major == 3) {
      headerLength = buffer.getInt(8);
      headerStart = 12;
    } else {
      throw new IOException(name + ": .npy format version " + major + " is not supported (1–3)");
    }
    if (headerStart + headerLength > bytes.length) {
      throw new IOException(name + ": header runs past the end of the file");
    }
    String header =
        new String(
            bytes,
            headerStart,
            headerLength,
            major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String descr = group(name, DESCR, header, "descr");
    if (group(name, FORTRAN, header, "fortran_order").equals("True")) {
      throw new IOException(name + ": fortran_order True is not supported");
    }
    int[] shape = shape(name, group(name, SHAPE, header, "shape"));
    int count = Arrays.stream(shape).reduce(1, Math::multiplyExact);
    buffer.position(headerStart + headerLength);
    return elements(name, descr, shape, count, buffer);
  }

  private static NpyArray elements(
      String name, String descr, int[] shape, int count, ByteBuffer buffer) throws IOException {
    int width = descr.length() > 2 && descr.charAt(1) == 'U' ? 4 * parseWidth(name, descr) : 0;
    int itemSize =
        switch (descr) {
          case "<f8", "<i8" -> 8;
          case "<f4", "<i4" -> 4;
          default -> {
            if (descr.startsWith("<U") && width > 0) {
              yield width;
            }
            throw new IOException(
                name + ": dtype '" + descr + "' is not supported (<f8 <f4 <i8 <i4 <U)");
          }
        };
    if (buffer.remaining() < (long) itemSize * count) {
      throw new IOException(
          name + ": expected " + count + " elements of " + itemSize + " bytes, file is too short");
    }
    if (descr.startsWith("<U")) {
      String[] strings = new String[count];
      for (int i = 0; i < count; i++) {
        byte[] raw = new byte[itemSize];
        buffer.get(raw);
        String s = new String(raw, Charset32.UTF_32LE);
        int end = s.indexOf('\0');
        strings[i] = end < 0 ? s : s.substring(0, end);
      }
      return new NpyArray(name, descr, shape, null, strings);
    }
    double[] numbers = new double[count];
    for (int i = 0; i < count; i++) {
      numbers[i] =
          switch (descr) {
            case "<f8" -> buffer.getDouble();
            case "<f4" -> buffer.getFloat();
            case "<i8" -> buffer.getLong();
            default -> buffer.getInt();
          };
    }
    return new NpyArray(name, descr, shape, numbers, null);
  }

  private static int parseWidth(String name, String descr) throws IOException {
    try {
      return Integer.parseInt(descr.substring(2));
    } catch (NumberFormatException e) {
      throw new IOException(name + ": dtype '" + descr + "' has no character count", e);
    }
  }

  private static String group(String name, Pattern pattern, String header, String key)
      throws IOException {
    Matcher m = pattern.matcher(header);
    if (!m.find()) {
      throw new IOException(name + ": header has no '" + key + "': " + header.strip());
    }
    return m.group(1);
  }

  private static int[] shape(String name, String text) throws IOException {
    String[] parts =
        Arrays.stream(text.split(","))
            .map(String::strip)
            .filter(x -> !x.isEmpty())
            .toArray(String[]::new);
    if (parts.length > 2) {
      throw new IOException(name + ": shape (" + text + ") has more than 2 dimensions");
    }
    int[] shape = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        shape[i] = Integer.parseInt(parts[i].replace("L", ""));
      } catch (NumberFormatException e) {
        throw new IOException(name + ": bad shape (" + text + ")", e);
      }
    }
    return shape;
  }

  /** UTF-32LE is not in {@link StandardCharsets}; every JDK ships it. */
  private static final class Charset32 {
    static final java.nio.charset.Charset UTF_32LE = java.nio.charset.Charset.forName("UTF-32LE");
  }
}
