package dev.tandem.service.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds request bodies under {@code /v1}: a declared {@code Content-Length} above the limit is
 * refused with 413 before anything is read; a chunked body is counted while it is read and fails
 * the same way when it passes the limit.
 */
public final class BodyLimitFilter extends OncePerRequestFilter {

  private final int maxBytes;

  public BodyLimitFilter(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/v1/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      refuse(response, declared);
      return;
    }
    try {
      chain.doFilter(new Bounded(request, maxBytes), response);
    } catch (TooLarge e) {
      if (!response.isCommitted()) {
        response.reset();
        refuse(response, -1);
      }
    } catch (ServletException e) {
      if (causedByTooLarge(e) && !response.isCommitted()) {
        response.reset();
        refuse(response, -1);
      } else {
        throw e;
      }
    }
  }

  private static boolean causedByTooLarge(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof TooLarge) {
        return true;
      }
    }
    return false;
  }

  private void refuse(HttpServletResponse response, long declared) throws IOException {
    ApiProblem problem =
        new ApiProblem(
            HttpStatus.CONTENT_TOO_LARGE,
            "Request body too large",
            List.of(
                new ApiProblem.FieldError(
                    "$",
                    "",
                    "the body "
                        + (declared > 0 ? "of " + declared + " bytes " : "")
                        + "exceeds the limit of "
                        + maxBytes
                        + " bytes (tandem.api.max-body-bytes)")));
    response.setStatus(problem.status().value());
    response.setContentType("application/problem+json");
    response
        .getWriter()
        .write(
            "{\"type\":\""
                + ProblemHandler.TYPE_BASE
                + "413\",\"title\":\"Request body too large\",\"status\":413,\"detail\":\""
                + problem.getMessage().replace("\"", "'")
                + "\",\"field\":\"$\"}");
  }

  /** Thrown while reading past the limit. */
  static final class TooLarge extends IOException {
    TooLarge() {
      super("request body exceeds the limit");
    }
  }

  private static final class Bounded extends HttpServletRequestWrapper {
    private final int max;
    private ServletInputStream stream;

    Bounded(HttpServletRequest request, int max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long count;

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0 && ++count > max) {
                  throw new TooLarge();
                }
                return b;
              }

              @Override
              public int read(byte[] buf, int off, int len) throws IOException {
                int n = in.read(buf, off, len);
                if (n > 0 && (count += n) > max) {
                  throw new TooLarge();
                }
                return n;
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener l) {
                in.setReadListener(l);
              }
            };
      }
      return stream;
    }
  }
}
