package dev.taskflow.api.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import java.io.IOException;

/**
 * Gives back the in-flight slot {@link RequestLimits} took, when the servlet request returns: after
 * a normal answer, an exception, a client that went away mid-body, or (for a stream) once the
 * stream is handed to its asynchronous writer. Async-capable, or no stream could start.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class InFlightRelease extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } finally {
      if (request.getAttribute(RequestLimits.ADMITTED) instanceof UserLimits.Admitted admitted) {
        admitted.finish().run();
      }
    }
  }
}
