package dev.tandem.profiles.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.profiles.SharedData;
import dev.tandem.profiles.model.PerformanceProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ConfigMap JSON form ({@code prefill_raw_data.json}, {@code decode_raw_data.json}) written
 * from the .npz values imports to the same profile as the .npz files, and the nested Dynamo layout
 * ({@code selected_*_interpolation/raw_data.npz}) to the same as the flattened names.
 */
class JsonFormTest {

  record Case(String name, String folder, boolean maxKvAsArray) {}

  static Stream<Case> cases() {
    return Stream.of(
        new Case("current, max_kv_tokens a number", SharedData.H200_CURRENT, false),
        new Case("current, max_kv_tokens a one-element array", SharedData.H200_CURRENT, true),
        new Case("v1, max_kv_tokens a number", SharedData.H200_V1, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void jsonImportsLikeNpz(Case c, @TempDir Path tmp) throws IOException {
    Path source = SharedData.dynamo(c.folder());
    Map<String, NpyArray> prefill =
        NpzReader.read(source.resolve("selected_prefill_interpolation_raw_data.npz"));
    Map<String, NpyArray> decode =
        NpzReader.read(source.resolve("selected_decode_interpolation_raw_data.npz"));
    String maxKv = json(decode.get("max_kv_tokens").numbers());
    Files.writeString(
        tmp.resolve("prefill_raw_data.json"),
        "{"
            + Stream.of("prefill_isl", "prefill_ttft", "prefill_thpt_per_gpu")
                .map(k -> "\"" + k + "\": " + json(prefill.get(k).numbers()))
                .collect(Collectors.joining(", "))
            + "}");
    Files.writeString(
        tmp.resolve("decode_raw_data.json"),
        "{"
            + Stream.of("x_kv_usage", "y_context_length", "z_itl", "z_thpt_per_gpu")
                .map(k -> "\"" + k + "\": " + json(decode.get(k).numbers()))
                .collect(Collectors.joining(", "))
            + ", \"max_kv_tokens\": "
            + (c.maxKvAsArray() ? maxKv : maxKv.substring(1, maxKv.length() - 1))
            + "}");
    ImportOptions opts = SharedData.h200Options().withName("same");
    PerformanceProfile fromJson = DynamoImporter.importDirectory(tmp, opts).get(0).profile();
    PerformanceProfile fromNpz = DynamoImporter.importDirectory(source, opts).get(0).profile();
    assertThat(fromJson.prefill()).isEqualTo(fromNpz.prefill());
    assertThat(fromJson.decode()).isEqualTo(fromNpz.decode());
    assertThat(fromJson.engine()).isEqualTo(fromNpz.engine());
  }

  @ParameterizedTest(name = "nested layout: {0}")
  @MethodSource("cases")
  void nestedLayoutImportsLikeFlattened(Case c, @TempDir Path tmp) throws IOException {
    Path source = SharedData.dynamo(c.folder());
    for (String role : new String[] {"prefill", "decode"}) {
      Path dir = Files.createDirectories(tmp.resolve("selected_" + role + "_interpolation"));
      Files.copy(
          source.resolve("selected_" + role + "_interpolation_raw_data.npz"),
          dir.resolve("raw_data.npz"));
    }
    ImportOptions opts = SharedData.h200Options().withName("same");
    PerformanceProfile nested = DynamoImporter.importDirectory(tmp, opts).get(0).profile();
    PerformanceProfile flat = DynamoImporter.importDirectory(source, opts).get(0).profile();
    assertThat(nested.prefill()).isEqualTo(flat.prefill());
    assertThat(nested.decode()).isEqualTo(flat.decode());
    assertThat(nested.engine()).isEqualTo(flat.engine());
  }

  /** Java's shortest repr, like Python's json.dumps of floats (both round-trip exactly). */
  private static String json(double[] values) {
    return Arrays.stream(values)
        .mapToObj(v -> v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v))
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
