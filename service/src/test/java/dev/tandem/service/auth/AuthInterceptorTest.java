package dev.tandem.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.service.ServiceSettings;
import dev.tandem.service.api.ApiProblem;
import dev.tandem.service.policy.PolicyCatalog;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The read side of API auth on fabric8's mock API server (expectation mode): reads are open by
 * default, need an authenticated token with {@code protect-reads}, and a failing API server is a
 * 503, never an open door.
 */
class AuthInterceptorTest {

  KubernetesMockServer api;
  KubernetesClient client;

  @BeforeEach
  void start() {
    api = new KubernetesMockServer(false);
    api.init();
    client = api.createClient();
    api.expect()
        .post()
        .withPath("/apis/authentication.k8s.io/v1/tokenreviews")
        .andReply(
            201,
            r ->
                new TokenReviewBuilder()
                    .withNewStatus()
                    .withAuthenticated(r.getUtf8Body().contains("good"))
                    .withNewUser()
                    .withUsername("carol")
                    .endUser()
                    .endStatus()
                    .build())
        .once();
  }

  @AfterEach
  void stop() {
    client.close();
    api.destroy();
  }

  private AuthInterceptor interceptor(boolean protectReads) {
    return new AuthInterceptor(
        new ServiceSettings.Auth("kubernetes", protectReads),
        new KubernetesAuthorizer(() -> client),
        new PolicyCatalog(Path.of("absent")));
  }

  private static MockHttpServletRequest get(String token) {
    MockHttpServletRequest r = new MockHttpServletRequest("GET", "/v1/deployments");
    if (token != null) {
      r.addHeader("Authorization", "Bearer " + token);
    }
    return r;
  }

  @Test
  void readsAreOpenByDefault() {
    assertThat(interceptor(false).preHandle(get(null), new MockHttpServletResponse(), new Object()))
        .isTrue();
  }

  @Test
  void protectedReadsNeedAnAuthenticatedToken() {
    AuthInterceptor guard = interceptor(true);
    assertThatThrownBy(() -> guard.preHandle(get(null), new MockHttpServletResponse(), null))
        .isInstanceOfSatisfying(
            ApiProblem.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.UNAUTHORIZED));
    assertThat(guard.preHandle(get("good-token"), new MockHttpServletResponse(), null)).isTrue();
  }

  @Test
  void anApiServerThatCannotAnswerIsA503() {
    AuthInterceptor guard = interceptor(true);
    guard.preHandle(get("good-token"), new MockHttpServletResponse(), null); // uses the one reply
    // no expectation left: the mock answers 404, which the client reports as an error
    assertThatThrownBy(
            () -> guard.preHandle(get("good-token"), new MockHttpServletResponse(), null))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            p -> {
              assertThat(p.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
              assertThat(p.getMessage()).contains("could not check the token");
            });
  }
}
