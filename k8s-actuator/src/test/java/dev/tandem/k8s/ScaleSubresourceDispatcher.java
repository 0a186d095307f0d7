package dev.tandem.k8s;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CRUD mock with the API server's {@code /scale} handler: fabric8's CRUD mode stores a PUT to
 * {@code .../scale} as if it were the object (the object is lost), so this dispatcher does what
 * kube-apiserver does for a CRD's scale subresource: GET answers an {@code autoscaling/v1} Scale
 * built from {@code spec.replicas}, {@code status.replicas} and the label selector path; PUT checks
 * the Scale's {@code resourceVersion} against the object's (409 when stale), sets {@code
 * spec.replicas} and answers the new Scale. The exact request and response bodies are tested
 * separately against expectation-mode responses.
 */
final class ScaleSubresourceDispatcher extends KubernetesCrudDispatcher {

  private static final String SCALE = "/scale";
  private static final String REVIEWS = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

  /** Objects the simulated authorizer denies writes to, by name. */
  final java.util.Set<String> denied = new java.util.HashSet<>();

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getPath();
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    if (bare.equals(REVIEWS) && "POST".equals(request.getMethod())) {
      return review(parse(request.getUtf8Body()));
    }
    if (!bare.endsWith(SCALE)) {
      return super.dispatch(request);
    }
    String main = bare.substring(0, bare.length() - SCALE.length());
    MockResponse current = handleGet(main);
    if (current.code() != 200) {
      return current;
    }
    Map<String, Object> object = parse(current.getBody().readUtf8());
    if ("GET".equals(request.getMethod())) {
      return ok(scale(object));
    }
    if (!"PUT".equals(request.getMethod())) {
      return new MockResponse().setResponseCode(405);
    }
    Map<String, Object> scale = parse(request.getUtf8Body());
    String wanted = (String) map(scale, "metadata").get("resourceVersion");
    String actual = (String) map(object, "metadata").get("resourceVersion");
    if (wanted != null && !wanted.equals(actual)) {
      return new MockResponse()
          .setResponseCode(409)
          .setBody(
              "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":"
                  + "\"Conflict\",\"code\":409,\"message\":\"the object has been modified\"}");
    }
    map(object, "spec").put("replicas", map(scale, "spec").get("replicas"));
    RecordedRequest update =
        new RecordedRequest(
            "HTTP/1.1",
            HttpMethod.PUT,
            main,
            request.getHeaders(),
            new Buffer().writeUtf8(Serialization.asJson(object)));
    MockResponse updated = super.dispatch(update);
    if (updated.code() != 200) {
      return updated;
    }
    return ok(scale(parse(updated.getBody().readUtf8())));
  }

  /**
   * The authorizer, as if Tandem's ServiceAccount were bound to the chart's ClusterRole: allowed
   * when {@link RbacRules} allow the verb, unless the object is in {@link #denied}.
   */
  private MockResponse review(Map<String, Object> review) {
    Map<String, Object> attributes = map(map(review, "spec"), "resourceAttributes");
    String resource = (String) attributes.get("resource");
    Object sub = attributes.get("subresource");
    if (sub != null && !sub.toString().isEmpty()) {
      resource += "/" + sub;
    }
    String group = attributes.get("group") == null ? "" : (String) attributes.get("group");
    boolean allowed =
        RbacRules.allows(group, resource, (String) attributes.get("verb"))
            && !denied.contains(attributes.get("name"));
    review.put(
        "status",
        Map.of(
            "allowed",
            allowed,
            "reason",
            allowed ? "RBAC: allowed by ClusterRole/tandem" : "no RBAC rule allows it"));
    return new MockResponse().setResponseCode(201).setBody(Serialization.asJson(review));
  }

  private static Map<String, Object> scale(Map<String, Object> object) {
    Map<String, Object> meta = map(object, "metadata");
    Map<String, Object> status = map(object, "status");
    Object selector = status.getOrDefault("selector", status.get("hpaPodSelector"));
    Map<String, Object> scale = new LinkedHashMap<>();
    scale.put("apiVersion", "autoscaling/v1");
    scale.put("kind", "Scale");
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", meta.get("name"));
    metadata.put("namespace", meta.get("namespace"));
    metadata.put("uid", meta.get("uid"));
    metadata.put("resourceVersion", meta.get("resourceVersion"));
    scale.put("metadata", metadata);
    scale.put("spec", Map.of("replicas", map(object, "spec").getOrDefault("replicas", 0)));
    Map<String, Object> scaleStatus = new LinkedHashMap<>();
    scaleStatus.put("replicas", status.getOrDefault("replicas", 0));
    if (selector != null) {
      scaleStatus.put("selector", selector);
    }
    scale.put("status", scaleStatus);
    return scale;
  }

  private static MockResponse ok(Map<String, Object> body) {
    return new MockResponse().setResponseCode(200).setBody(Serialization.asJson(body));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) {
    return Serialization.unmarshal(json, Map.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    if (value instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    Map<String, Object> created = new LinkedHashMap<>();
    parent.put(key, created);
    return created;
  }
}
