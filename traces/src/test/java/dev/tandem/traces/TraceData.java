package dev.tandem.traces;

import java.nio.file.Path;

/** Where the real traces are: {@code <tandem.root>/../shared/data/traces}. */
final class TraceData {

  private TraceData() {}

  static Path traces() {
    return Path.of(System.getProperty("tandem.root", ".."))
        .toAbsolutePath()
        .resolve("../shared/data/traces")
        .normalize();
  }

  static Path azure(String service) {
    return traces().resolve("azure_llm_2023/AzureLLMInferenceTrace_" + service + ".csv");
  }

  static Path serveGen() {
    return traces().resolve("servegen_alibaba_bailian");
  }

  static Path ugly(String name) {
    try {
      return Path.of(TraceData.class.getResource("/ugly/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
