package dev.tandem.service.auth;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Authenticates and authorises API callers against the Kubernetes API server, as kube-rbac-proxy
 * does: the bearer token is sent in a TokenReview; the user it names is checked with a
 * SubjectAccessReview for the verb on the resource. Nothing is cached: a revoked token or binding
 * takes effect at the next call.
 */
public final class KubernetesAuthorizer {

  private final Supplier<KubernetesClient> client;

  public KubernetesAuthorizer(Supplier<KubernetesClient> client) {
    this.client = client;
  }

  /** The caller the token belongs to; empty when the API server does not authenticate it. */
  public Optional<Caller> authenticate(String token) {
    TokenReview review = new TokenReviewBuilder().withNewSpec().withToken(token).endSpec().build();
    TokenReview result = client.get().authentication().v1().tokenReviews().create(review);
    if (result == null
        || result.getStatus() == null
        || !Boolean.TRUE.equals(result.getStatus().getAuthenticated())
        || result.getStatus().getUser() == null) {
      return Optional.empty();
    }
    var user = result.getStatus().getUser();
    return Optional.of(
        new Caller(
            user.getUsername(),
            user.getUid() == null ? "" : user.getUid(),
            user.getGroups() == null ? List.of() : user.getGroups()));
  }

  /**
   * Whether {@code caller} may {@code verb} the resource.
   *
   * @return empty when allowed, else the reason the API server gave (or a default sentence)
   */
  public Optional<String> authorize(Caller caller, String verb, ScaleResource r) {
    SubjectAccessReview review =
        new SubjectAccessReviewBuilder()
            .withNewSpec()
            .withUser(caller.username())
            .withUid(caller.uid().isEmpty() ? null : caller.uid())
            .withGroups(caller.groups())
            .withNewResourceAttributes()
            .withVerb(verb)
            .withGroup(r.group())
            .withResource(r.resource())
            .withSubresource(r.subresource().isEmpty() ? null : r.subresource())
            .withNamespace(r.namespace())
            .withName(r.name())
            .endResourceAttributes()
            .endSpec()
            .build();
    SubjectAccessReview result =
        client.get().authorization().v1().subjectAccessReview().create(review);
    if (result != null
        && result.getStatus() != null
        && Boolean.TRUE.equals(result.getStatus().getAllowed())) {
      return Optional.empty();
    }
    String reason =
        result == null || result.getStatus() == null || result.getStatus().getReason() == null
            ? ""
            : " (" + result.getStatus().getReason() + ")";
    return Optional.of(caller.username() + " may not " + verb + " " + r + reason);
  }
}
