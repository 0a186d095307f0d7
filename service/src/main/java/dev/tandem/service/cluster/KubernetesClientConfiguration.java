package dev.tandem.service.cluster;

import dev.tandem.service.ServiceSettings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The fabric8 client shared by API authentication (TokenReview, SubjectAccessReview) and, after the
 * merge, the Kubernetes adapters. Lazy: embedded mode without auth never builds one.
 */
@Configuration(proxyBeanMethods = false)
public class KubernetesClientConfiguration {

  @Bean(destroyMethod = "close")
  @Lazy
  @ConditionalOnMissingBean
  KubernetesClient kubernetesClient(ServiceSettings settings) {
    Config config;
    String kubeconfig = settings.kubernetes().kubeconfig();
    if (!kubeconfig.isBlank()) {
      try {
        config = Config.fromKubeconfig(Files.readString(Path.of(kubeconfig)));
      } catch (IOException e) {
        // no cause attached: the start-up error names the deepest cause, which would be the bare
        // path of a NoSuchFileException
        throw new IllegalStateException(
            "tandem.kubernetes.kubeconfig "
                + kubeconfig
                + " cannot be read ("
                + e.getClass().getSimpleName()
                + ")");
      }
    } else {
      config = Config.autoConfigure(null);
    }
    config.setRequestTimeout((int) settings.kubernetes().requestTimeout().toMillis());
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
