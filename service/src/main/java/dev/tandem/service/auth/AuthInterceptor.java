package dev.tandem.service.auth;

import dev.tandem.config.policy.ScaledRole;
import dev.tandem.planner.Deployment;
import dev.tandem.planner.DeploymentKey;
import dev.tandem.service.ServiceSettings;
import dev.tandem.service.api.ApiProblem;
import dev.tandem.service.policy.PolicyCatalog;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Guards {@code /v1}: a call that changes state (pause, resume) needs a bearer token the API server
 * authenticates (TokenReview) and a caller allowed to {@code update} the scale subresource of every
 * target of the deployment (SubjectAccessReview). Reads (including the dry-run, which never writes)
 * need an authenticated token only when {@code tandem.auth.protect-reads} is set. With {@code
 * tandem.auth.mode=none} nothing is checked; the service refuses that mode unless it listens on
 * loopback ({@link AuthModeGuard}).
 */
public final class AuthInterceptor implements HandlerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(AuthInterceptor.class);

  private final ServiceSettings.Auth settings;
  private final KubernetesAuthorizer authorizer;
  private final PolicyCatalog catalog;

  public AuthInterceptor(
      ServiceSettings.Auth settings, KubernetesAuthorizer authorizer, PolicyCatalog catalog) {
    this.settings = settings;
    this.authorizer = authorizer;
    this.catalog = catalog;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!settings.enabled()) {
      return true;
    }
    boolean changes = request.getRequestURI().matches("/v1/deployments/[^/]+/[^/]+/(pause|resume)");
    if (!changes && !settings.protectReads()) {
      return true;
    }
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() < 8) {
      throw refused(HttpStatus.UNAUTHORIZED, "Authorization", "a bearer token is required");
    }
    try {
      Caller caller =
          authorizer
              .authenticate(header.substring(7).strip())
              .orElseThrow(
                  () ->
                      refused(
                          HttpStatus.UNAUTHORIZED,
                          "Authorization",
                          "the token was not authenticated by the Kubernetes API server"));
      if (changes) {
        authorizeScale(request, caller);
      }
      request.setAttribute(Caller.class.getName(), caller);
      return true;
    } catch (KubernetesClientException e) {
      log.warn("authentication could not be checked: {}", e.getMessage());
      throw new ApiProblem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "Authentication unavailable",
          List.of(
              new ApiProblem.FieldError(
                  "Authorization",
                  "",
                  "the Kubernetes API server could not check the token: " + e.getMessage())));
    }
  }

  private void authorizeScale(HttpServletRequest request, Caller caller) {
    @SuppressWarnings("unchecked")
    Map<String, String> vars =
        (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (vars == null) {
      return;
    }
    DeploymentKey key = new DeploymentKey(vars.get("namespace"), vars.get("name"));
    Optional<Deployment> d = catalog.current().find(key);
    if (d.isEmpty()) {
      return; // the controller answers 404
    }
    for (ScaledRole role : d.get().policy().roles().all()) {
      Optional<String> denied =
          authorizer.authorize(caller, "update", ScaleResource.of(role.target()));
      if (denied.isPresent()) {
        throw refused(HttpStatus.FORBIDDEN, "Authorization", denied.get());
      }
    }
  }

  private static ApiProblem refused(HttpStatus status, String field, String message) {
    return new ApiProblem(
        status,
        status == HttpStatus.UNAUTHORIZED ? "Unauthenticated" : "Forbidden",
        List.of(new ApiProblem.FieldError(field, "", message)));
  }
}
