package dev.tandem.helm;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Renders helm/tandem with helm-java, as `helm template` would, and parses the result. */
final class Chart {

  static final String RELEASE = "tandem";
  static final String NAMESPACE = "tandem-system";

  /** A current Kubernetes (helm-java renders for 1.20 unless told). */
  static final String KUBE_VERSION = "v1.31.0";

  private Chart() {}

  /** The chart folder: surefire runs in helm/, so it is ./tandem. */
  static Path dir() {
    return Path.of("tandem").toAbsolutePath();
  }

  /** The manifests for the default values plus {@code valuesYaml} (may be empty). */
  static String render(String valuesYaml) {
    try {
      Path values = Files.createTempFile("tandem-values", ".yaml");
      try {
        Files.writeString(values, valuesYaml);
        return new Helm(dir())
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION)
            .withValuesFile(values)
            .call();
      } finally {
        Files.deleteIfExists(values);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every rendered document as a typed fabric8 object. */
  static List<HasMetadata> objects(String valuesYaml) {
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : render(valuesYaml).split("(?m)^---\\s*$")) {
      if (document.lines().anyMatch(l -> l.startsWith("kind:"))) {
        objects.add(Serialization.unmarshal(document, HasMetadata.class));
      }
    }
    return objects;
  }

  static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type, String name) {
    return all(objects, type).stream()
        .filter(o -> o.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
  }
}
