package dev.tandem.profiles.io;

import dev.tandem.config.policy.SlaPolicyLoader;
import dev.tandem.config.yaml.InvalidInputException;
import dev.tandem.config.yaml.Problems;
import dev.tandem.config.yaml.YamlDocument;
import dev.tandem.config.yaml.YamlDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped example policies and profiles, truncated, mutated and replaced by random text, fed to
 * the YAML reader, the policy loader and the profile loader: each either loads or reports its
 * problems as {@link InvalidInputException}; no other exception may escape. Named by seed.
 */
class YamlFuzzTest {

  private static final Path EXAMPLES =
      Path.of(System.getProperty("tandem.root", ".."))
          .toAbsolutePath()
          .normalize()
          .resolve("examples");

  record Mutant(long seed, String base, String text) {
    @Override
    public String toString() {
      return "seed " + seed + " " + base;
    }
  }

  static Stream<Mutant> mutants() throws IOException {
    List<Path> bases =
        List.of(
            EXAMPLES.resolve("policies/grove-llama-3.1-8b-h200.yaml"),
            EXAMPLES.resolve("policies/h100-shared-pool.yaml"),
            EXAMPLES.resolve("profiles/h200-llama-3.1-8b-fp8-tp1.yaml"));
    List<Mutant> out = new ArrayList<>();
    for (Path base : bases) {
      String text = Files.readString(base);
      IntStream.range(0, 40)
          .forEach(
              i -> {
                long seed = 7000 + i;
                out.add(
                    new Mutant(
                        seed,
                        base.getFileName().toString(),
                        mutate(text, new SplittableRandom(seed))));
              });
    }
    return out.stream();
  }

  private static String mutate(String text, SplittableRandom r) {
    StringBuilder s = new StringBuilder(text);
    switch (r.nextInt(5)) {
      case 0 -> s.setLength(r.nextInt(s.length() + 1));
      case 1 -> {
        for (int k = 0; k < 1 + r.nextInt(8); k++) {
          s.setCharAt(r.nextInt(s.length()), "{}[]:,-'\"#&*!|>% \n\t0a".charAt(r.nextInt(22)));
        }
      }
      case 2 -> {
        int a = r.nextInt(s.length());
        int b = Math.min(s.length(), a + r.nextInt(200));
        s.insert(r.nextInt(s.length()), s.substring(a, b));
      }
      case 3 -> {
        int a = r.nextInt(s.length());
        s.delete(a, Math.min(s.length(), a + 1 + r.nextInt(120)));
      }
      default -> {
        s.setLength(0);
        for (int k = 0; k < r.nextInt(400); k++) {
          s.append((char) (1 + r.nextInt(0x7f)));
        }
      }
    }
    return s.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutants")
  void onlyInvalidInputEscapes(Mutant m) {
    List<YamlDocument> documents;
    try {
      documents = YamlDocuments.read("fuzz.yaml", m.text());
    } catch (InvalidInputException expected) {
      return;
    }
    new SlaPolicyLoader(List.of("PerformanceProfile", "GpuPool")).read(documents, new Problems());
    for (YamlDocument d : documents) {
      try {
        PerformanceProfileLoader.load(d);
      } catch (InvalidInputException expected) {
        // reported with positions: what a user sees
      }
    }
  }
}
