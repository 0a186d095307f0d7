package dev.tandem.profiles.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** .npy files built byte by byte, as numpy writes them, for every supported header and dtype. */
class NpyReaderTest {

  record Case(String name, int version, String descr, String shape, byte[] data, String expected) {}

  static Stream<Case> readable() {
    return Stream.of(
        new Case("v1 <f8 (3,)", 1, "<f8", "(3,)", f8(1.5, -2, 1e-4), "[1.5, -2.0, 1.0E-4] (3,)"),
        new Case("v2 <f4 (2,)", 2, "<f4", "(2,)", f4(0.5f, 3f), "[0.5, 3.0] (2,)"),
        new Case(
            "v3 <i8 (2, 2)",
            3,
            "<i8",
            "(2, 2)",
            i8(1, 2, 3, 945029),
            "[1.0, 2.0, 3.0, 945029.0] (2, 2)"),
        new Case("v1 <i4 (3, 1)", 1, "<i4", "(3, 1)", i4(8, 4, 2), "[8.0, 4.0, 2.0] (3, 1)"),
        new Case("v1 <i8 scalar ()", 1, "<i8", "()", i8(224133), "[224133.0] ()"),
        new Case("v1 <i8 (1,)", 1, "<i8", "(1,)", i8(945029), "[945029.0] (1,)"),
        new Case(
            "v1 <U8 (2, 1)",
            1,
            "<U8",
            "(2, 1)",
            u("h100_sxm", 8, "vllm", 8),
            "[h100_sxm, vllm] (2, 1)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readable")
  void readsEverySupportedForm(Case c) throws IOException {
    NpyArray a = NpyReader.read(c.name(), npy(c.version(), c.descr(), c.shape(), false, c.data()));
    String values =
        a.isText()
            ? "[" + String.join(", ", java.util.Arrays.asList(texts(a))) + "]"
            : java.util.Arrays.toString(a.numbers());
    assertThat(values + " " + a.shapeText()).isEqualTo(c.expected());
  }

  @ParameterizedTest(name = "rows and columns of {0}")
  @MethodSource("readable")
  void rowsFollowTheShape(Case c) throws IOException {
    NpyArray a = NpyReader.read(c.name(), npy(c.version(), c.descr(), c.shape(), false, c.data()));
    int expectedRows =
        c.shape().matches("\\(\\d+, \\d+\\)")
            ? Integer.parseInt(c.shape().substring(1, c.shape().indexOf(',')))
            : 1;
    assertThat(a.rows()).isEqualTo(expectedRows);
    assertThat(a.rows() * a.columns()).isEqualTo(a.size());
  }

  record Bad(String name, byte[] bytes, String message) {}

  static Stream<Bad> unreadable() throws IOException {
    return Stream.of(
        new Bad(
            "no magic",
            "hello world, not npy".getBytes(StandardCharsets.US_ASCII),
            "not a .npy file"),
        new Bad("fortran order", npyBytes(1, "<f8", "(1,)", true, f8(1)), "fortran_order True"),
        new Bad(
            "big endian", npyBytes(1, ">f8", "(1,)", false, f8(1)), "dtype '>f8' is not supported"),
        new Bad("truncated data", npyBytes(1, "<f8", "(4,)", false, f8(1, 2)), "file is too short"),
        new Bad("3-D", npyBytes(1, "<f8", "(1, 1, 1)", false, f8(1)), "more than 2 dimensions"),
        new Bad(
            "version 4", npyBytes(4, "<f8", "(1,)", false, f8(1)), "version 4 is not supported"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadable")
  void rejectsWhatItCannotRead(Bad bad) {
    assertThatThrownBy(() -> NpyReader.read("x.npy", new ByteArrayInputStream(bad.bytes())))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(bad.message());
  }

  private static String[] texts(NpyArray a) {
    String[] s = new String[a.rows()];
    for (int i = 0; i < s.length; i++) {
      s[i] = a.string(i);
    }
    return s;
  }

  static ByteArrayInputStream npy(
      int version, String descr, String shape, boolean fortran, byte[] data) throws IOException {
    return new ByteArrayInputStream(npyBytes(version, descr, shape, fortran, data));
  }

  /** A header padded with spaces to a multiple of 64 bytes and ended by a newline, like numpy. */
  static byte[] npyBytes(int version, String descr, String shape, boolean fortran, byte[] data)
      throws IOException {
    String dict =
        "{'descr': '"
            + descr
            + "', 'fortran_order': "
            + (fortran ? "True" : "False")
            + ", 'shape': "
            + shape
            + ", }";
    int prefix = version == 1 ? 10 : 12;
    int total = ((prefix + dict.length() + 1 + 63) / 64) * 64;
    String header = dict + " ".repeat(total - prefix - dict.length() - 1) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) version, 0});
    ByteBuffer length = ByteBuffer.allocate(version == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
    if (version == 1) {
      length.putShort((short) header.length());
    } else {
      length.putInt(header.length());
    }
    out.write(length.array());
    out.write(header.getBytes(StandardCharsets.ISO_8859_1));
    out.write(data);
    return out.toByteArray();
  }

  static byte[] f8(double... v) {
    ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double x : v) {
      b.putDouble(x);
    }
    return b.array();
  }

  static byte[] f4(float... v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float x : v) {
      b.putFloat(x);
    }
    return b.array();
  }

  static byte[] i8(long... v) {
    ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long x : v) {
      b.putLong(x);
    }
    return b.array();
  }

  static byte[] i4(int... v) {
    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (int x : v) {
      b.putInt(x);
    }
    return b.array();
  }

  /** Pairs of (text, width): UTF-32LE code points padded with NULs to the width. */
  static byte[] u(Object... textAndWidth) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < textAndWidth.length; i += 2) {
      String s = (String) textAndWidth[i];
      int width = (Integer) textAndWidth[i + 1];
      ByteBuffer b = ByteBuffer.allocate(4 * width).order(ByteOrder.LITTLE_ENDIAN);
      s.codePoints().forEach(b::putInt);
      out.writeBytes(b.array());
    }
    return out.toByteArray();
  }
}
