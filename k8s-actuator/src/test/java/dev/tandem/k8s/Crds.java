package dev.tandem.k8s;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/** The real CRDs in src/test/resources/crds (gzip), parsed once, with their schemas as maps. */
final class Crds {

  static final List<String> ALL =
      List.of(
          "podcliques.grove.io",
          "podcliquescalinggroups.grove.io",
          "podcliquesets.grove.io",
          "podgangs.scheduler.grove.io",
          "leaderworkersets.leaderworkerset.x-k8s.io",
          "disaggregatedsets.disaggregatedset.x-k8s.io",
          "disaggregatedsetrolescalers.disaggregatedset.x-k8s.io",
          "dynamographdeployments.nvidia.com",
          "dynamographdeploymentscalingadapters.nvidia.com");

  private static final Map<String, CustomResourceDefinition> CACHE = new ConcurrentHashMap<>();
  private static final Map<String, Map<?, ?>> SCHEMAS = new ConcurrentHashMap<>();

  private Crds() {}

  static CustomResourceDefinition load(String name) {
    return CACHE.computeIfAbsent(
        name,
        n -> {
          try (InputStream in =
              new GZIPInputStream(Crds.class.getResourceAsStream("/crds/" + n + ".yaml.gz"))) {
            return Serialization.unmarshal(in, CustomResourceDefinition.class);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** The openAPIV3Schema of the first served version, read from the YAML as plain maps. */
  static Map<?, ?> schema(String kind) {
    return SCHEMAS.computeIfAbsent(
        kind,
        k -> {
          for (String name : ALL) {
            if (load(name).getSpec().getNames().getKind().equals(k)) {
              try (InputStream in =
                  new GZIPInputStream(
                      Crds.class.getResourceAsStream("/crds/" + name + ".yaml.gz"))) {
                Map<?, ?> doc = Serialization.unmarshal(in, Map.class);
                Map<?, ?> spec = (Map<?, ?>) doc.get("spec");
                Map<?, ?> version = (Map<?, ?>) ((List<?>) spec.get("versions")).get(0);
                return (Map<?, ?>) ((Map<?, ?>) version.get("schema")).get("openAPIV3Schema");
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
          }
          throw new IllegalArgumentException("no CRD of kind " + k);
        });
  }
}
