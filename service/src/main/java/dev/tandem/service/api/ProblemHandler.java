package dev.tandem.service.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error of the API as an RFC 9457 {@code application/problem+json} document. Besides {@code
 * type}, {@code title}, {@code status} and {@code detail}, a problem names the offending {@code
 * field} and lists every {@code errors} entry ({@code field}, {@code location}, {@code message}).
 */
@RestControllerAdvice(basePackages = "dev.tandem.service.api")
public class ProblemHandler extends ResponseEntityExceptionHandler {

  static final String TYPE_BASE = "https://tandem.dev/problems/";

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> apiProblem(ApiProblem e) {
    return ResponseEntity.status(e.status()).body(render(e));
  }

  static ProblemDetail render(ApiProblem e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    p.setTitle(e.title());
    p.setType(URI.create(TYPE_BASE + e.status().value()));
    if (!e.errors().isEmpty()) {
      p.setProperty("field", e.errors().get(0).field());
      p.setProperty(
          "errors",
          e.errors().stream()
              .map(
                  f -> Map.of("field", f.field(), "location", f.location(), "message", f.message()))
              .toList());
    }
    return p;
  }

  /** Malformed JSON, an unknown field, a wrong type: 400 naming the JSON path. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    for (Throwable c = ex; c != null; c = c.getCause()) {
      if (c instanceof BodyLimitFilter.TooLarge) {
        ApiProblem tooLarge =
            new ApiProblem(
                HttpStatus.CONTENT_TOO_LARGE,
                "Request body too large",
                List.of(new ApiProblem.FieldError("$", "", c.getMessage())));
        return ResponseEntity.status(tooLarge.status()).body(render(tooLarge));
      }
    }
    JacksonException jackson = find(ex);
    String field = jackson == null ? "" : path(jackson);
    String message;
    if (jackson == null) {
      message = "the body is not readable JSON: " + ex.getMostSpecificCause().getMessage();
    } else if (jackson.getClass().getSimpleName().equals("UnrecognizedPropertyException")) {
      message = "unknown field";
    } else {
      message = jackson.getOriginalMessage();
    }
    ApiProblem problem =
        new ApiProblem(
            HttpStatus.BAD_REQUEST,
            jackson != null && !field.isEmpty() ? "Invalid field" : "Malformed JSON",
            List.of(
                new ApiProblem.FieldError(
                    field.isEmpty() ? "$" : field,
                    jackson != null && jackson.getLocation() != null
                        ? "line "
                            + jackson.getLocation().getLineNr()
                            + ", column "
                            + jackson.getLocation().getColumnNr()
                        : "",
                    message)));
    return ResponseEntity.badRequest().body(render(problem));
  }

  private static JacksonException find(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof JacksonException j) {
        return j;
      }
    }
    return null;
  }

  private static String path(JacksonException e) {
    StringBuilder b = new StringBuilder();
    for (JacksonException.Reference r : e.getPath()) {
      if (r.getPropertyName() != null) {
        if (!b.isEmpty()) {
          b.append('.');
        }
        b.append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }
}
