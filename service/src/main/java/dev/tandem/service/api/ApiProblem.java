package dev.tandem.service.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, rendered as an RFC 9457 problem by {@link ProblemHandler}: the status,
 * a title, the detail sentence, and the offending field(s).
 */
public final class ApiProblem extends RuntimeException {

  /**
   * One thing wrong with the request.
   *
   * @param field the JSON path of the field ({@code load.rate}) or the policy field ({@code
   *     spec.sla.ttft.percentile})
   * @param location for policy problems, {@code policyYaml:line:column} or the file's; else empty
   * @param message what is wrong and what is allowed
   */
  public record FieldError(String field, String location, String message) {}

  private final HttpStatus status;
  private final String title;
  private final transient List<FieldError> errors;

  public ApiProblem(HttpStatus status, String title, List<FieldError> errors) {
    super(errors.isEmpty() ? title : errors.get(0).field() + ": " + errors.get(0).message());
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public static ApiProblem badField(String field, String message) {
    return new ApiProblem(
        HttpStatus.BAD_REQUEST, "Invalid request", List.of(new FieldError(field, "", message)));
  }

  /** 404 for a deployment no running policy manages (the path's namespace and name). */
  public static ApiProblem unknownDeployment(String namespace, String name) {
    return new ApiProblem(
        HttpStatus.NOT_FOUND,
        "Unknown deployment",
        List.of(new FieldError("name", "", "no running policy " + namespace + "/" + name)));
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
