package dev.taskflow.api.problem;

import dev.taskflow.api.identity.Unauthenticated;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Errors raised outside JAX-RS (a path no resource serves, a servlet failure) as problem+json too,
 * instead of the container's HTML pages. Wired in web.xml as the error page.
 */
@WebServlet("/_error")
public class ErrorPageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i && i >= 400 ? i : 404;
    if (status == 401) {
      boolean sent = Unauthenticated.tokenSent(request.getHeader("Authorization"));
      response.setStatus(401);
      response.setHeader("WWW-Authenticate", Unauthenticated.challenge(sent));
      response.setContentType(Problem.MEDIA_TYPE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write(Unauthenticated.problem(sent).toJson());
      return;
    }
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String detail =
        switch (status) {
          case 400 -> "The request is malformed.";
          case 404 -> "There is no such resource.";
          case 405 -> "This method is not allowed here.";
          default -> "The request could not be processed.";
        };
    Problem problem =
        type != null
            ? Problem.of(type, detail)
            : new Problem("about:blank", "Error", status, detail, java.util.List.of());
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(problem.toJson());
  }
}
