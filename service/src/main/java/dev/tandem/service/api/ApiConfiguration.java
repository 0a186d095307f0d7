package dev.tandem.service.api;

import dev.tandem.service.ServiceSettings;
import dev.tandem.service.auth.AuthInterceptor;
import dev.tandem.service.auth.AuthModeGuard;
import dev.tandem.service.auth.KubernetesAuthorizer;
import dev.tandem.service.loop.DeploymentStatuses;
import dev.tandem.service.loop.PauseSwitch;
import dev.tandem.service.policy.PolicyCatalog;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The REST API's beans: the dry-run, the views, the body limit and the auth interceptor. */
@Configuration(proxyBeanMethods = false)
public class ApiConfiguration {

  @Bean
  RecommendationService recommendationService(
      PolicyCatalog catalog, ServiceSettings settings, Clock clock) {
    return new RecommendationService(catalog, settings, clock);
  }

  @Bean
  DeploymentViews deploymentViews(
      DeploymentStatuses statuses, PauseSwitch pauses, ServiceSettings settings) {
    return new DeploymentViews(statuses, pauses, settings);
  }

  @Bean
  FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(ServiceSettings settings) {
    FilterRegistrationBean<BodyLimitFilter> r =
        new FilterRegistrationBean<>(new BodyLimitFilter(settings.api().maxBodyBytes()));
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    r.addUrlPatterns("/v1/*");
    return r;
  }

  @Bean
  WebMvcConfigurer tandemAuth(
      ServiceSettings settings,
      ObjectProvider<KubernetesClient> client,
      PolicyCatalog catalog,
      @Value("${server.address:}") String serverAddress) {
    AuthModeGuard.check(settings.auth().enabled(), serverAddress);
    KubernetesAuthorizer authorizer = new KubernetesAuthorizer(client::getObject);
    AuthInterceptor interceptor = new AuthInterceptor(settings.auth(), authorizer, catalog);
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).addPathPatterns("/v1/**");
      }
    };
  }
}
