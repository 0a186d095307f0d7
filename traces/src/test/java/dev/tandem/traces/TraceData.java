package dev.tandem.traces;

import java.nio.file.Path;

/**
 * Where the real traces the tests read are shipped: {@code <tandem.root>/data/traces} (gzipped
 * copies, see {@code data/SOURCE.md}) and the Azure traces inside the simulator's resources.
 */
final class TraceData {

  private TraceData() {}

  static Path root() {
    return Path.of(System.getProperty("tandem.root", "..")).toAbsolutePath().normalize();
  }

  static Path traces() {
    return root().resolve("data/traces");
  }

  static Path azure(String service) {
    return root()
        .resolve("simulations/src/main/resources/dev/tandem/simulations/traces")
        .resolve("AzureLLMInferenceTrace_" + service + ".csv.gz");
  }

  static Path serveGen() {
    return traces().resolve("servegen_alibaba_bailian");
  }

  /** A ServeGen file by its published name (without {@code .gz}), wherever it is stored. */
  static Path serveGen(String name) {
    return TraceFiles.resolve(serveGen(), name);
  }

  static Path ugly(String name) {
    try {
      return Path.of(TraceData.class.getResource("/ugly/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
