package dev.tandem.profiles.dynamo;

import dev.tandem.config.yaml.InvalidInputException;
import dev.tandem.config.yaml.Problem;
import dev.tandem.config.yaml.Problems;
import dev.tandem.config.yaml.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports NVIDIA Dynamo profiler output from a directory, in any of the forms Dynamo writes:
 *
 * <ol>
 *   <li>raw data: {@code selected_prefill_interpolation/raw_data.npz} and {@code
 *       selected_decode_interpolation/raw_data.npz} (or the flattened names {@code
 *       selected_prefill_interpolation_raw_data.npz}, {@code …decode…}); one profile;
 *   <li>pre-swept: {@code prefill.npz} and {@code decode.npz} with one row per configuration and
 *       config columns; one profile per row, the engine using {@code tp} GPUs ({@code gpu_count} is
 *       the node's);
 *   <li>JSON: {@code prefill_raw_data.json} and {@code decode_raw_data.json} (ConfigMap form).
 * </ol>
 *
 * Units (Dynamo): TTFT and ITL in ms, KV usage as a fraction of {@code max_kv_tokens}, context =
 * ISL + OSL/2. Changes to stored numbers are returned as findings ({@link ProfileAssembler}).
 * Unreadable or inconsistent files throw {@link InvalidInputException} with every problem.
 */
public final class DynamoImporter {

  private DynamoImporter() {}

  public static List<ImportedProfile> importDirectory(Path dir, ImportOptions opts) {
    Path nestedPrefill = dir.resolve("selected_prefill_interpolation").resolve("raw_data.npz");
    Path nestedDecode = dir.resolve("selected_decode_interpolation").resolve("raw_data.npz");
    Path flatPrefill = dir.resolve("selected_prefill_interpolation_raw_data.npz");
    Path flatDecode = dir.resolve("selected_decode_interpolation_raw_data.npz");
    Path jsonPrefill = dir.resolve("prefill_raw_data.json");
    Path jsonDecode = dir.resolve("decode_raw_data.json");
    Path sweptPrefill = dir.resolve("prefill.npz");
    Path sweptDecode = dir.resolve("decode.npz");
    if (Files.isRegularFile(nestedPrefill) && Files.isRegularFile(nestedDecode)) {
      return single(dir, "raw_data.npz", npz(nestedPrefill), npz(nestedDecode), opts);
    }
    if (Files.isRegularFile(flatPrefill) && Files.isRegularFile(flatDecode)) {
      return single(dir, "raw_data.npz", npz(flatPrefill), npz(flatDecode), opts);
    }
    if (Files.isRegularFile(jsonPrefill) && Files.isRegularFile(jsonDecode)) {
      return single(dir, "raw_data.json", json(jsonPrefill), json(jsonDecode), opts);
    }
    if (Files.isRegularFile(sweptPrefill) && Files.isRegularFile(sweptDecode)) {
      return PreSwept.assemble(dir, npz(sweptPrefill), npz(sweptDecode), opts);
    }
    throw new InvalidInputException(
        List.of(
            new Problem(
                SourceLocation.ofSource(dir.toString()),
                "",
                "no Dynamo profile found: expected selected_{prefill,decode}_interpolation/"
                    + "raw_data.npz, selected_{prefill,decode}_interpolation_raw_data.npz, "
                    + "{prefill,decode}_raw_data.json or {prefill,decode}.npz")));
  }

  private static List<ImportedProfile> single(
      Path dir, String form, ArraySet prefill, ArraySet decode, ImportOptions opts) {
    Problems problems = new Problems();
    String where = where(dir);
    for (String[] required :
        new String[][] {
          {"gpuType", opts.gpuType().orElse(null)},
          {"model", opts.model().orElse(null)},
          {"tensorParallelSize", opts.tensorParallelSize().map(String::valueOf).orElse(null)}
        }) {
      if (required[1] == null) {
        problems.add(
            SourceLocation.ofSource(dir.toString()),
            required[0],
            "the " + form + " form does not record it: give it as an import option");
      }
    }
    RawRow row = Rows.row(form, prefill, decode, 0, Optional.empty());
    problems.addAll(prefill.problems().list());
    problems.addAll(decode.problems().list());
    problems.throwIfAny();
    return List.of(Rows.assemble(row, opts, opts.name().orElse(where), where));
  }

  static String where(Path dir) {
    return dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
  }

  static ArraySet npz(Path file) {
    try {
      return new ArraySet(file.toString(), NpzReader.read(file), new Problems());
    } catch (IOException e) {
      throw new InvalidInputException(
          List.of(
              new Problem(
                  SourceLocation.ofSource(file.toString()),
                  "",
                  "cannot be read: " + e.getMessage())));
    }
  }

  static ArraySet json(Path file) {
    Problems problems = new Problems();
    Map<String, NpyArray> arrays = JsonRawData.read(file, problems);
    problems.throwIfAny();
    return new ArraySet(file.toString(), arrays, new Problems());
  }
}
