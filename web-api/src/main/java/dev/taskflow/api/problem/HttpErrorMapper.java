package dev.taskflow.api.problem;

import jakarta.ws.rs.WebApplicationException;
import dev.taskflow.api.identity.Unauthenticated;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS' own errors (no such path, wrong method, wrong content type...) as problem+json. The
 * runtime's messages can echo internals, so the detail is ours.
 */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

  @Context HttpHeaders request;

  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int code = original.getStatus() >= 400 ? original.getStatus() : 500;
    if (code == 401) {
      boolean sent = Unauthenticated.tokenSent(request.getHeaderString(HttpHeaders.AUTHORIZATION));
      return Unauthenticated.problem(sent).toResponseBuilder()
          .header(HttpHeaders.WWW_AUTHENTICATE, Unauthenticated.challenge(sent)).build();
    }
    Response.StatusType status = Response.Status.fromStatusCode(code);
    if (status == null) {
      status = original.getStatusInfo();
    }
    Response.ResponseBuilder answer = Problem.of(status, detail(code)).toResponseBuilder();
    for (String header : new String[] {HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER}) {
      if (original.getHeaderString(header) != null) {
        answer.header(header, original.getHeaderString(header));
      }
    }
    return answer.build();
  }

  private static String detail(int code) {
    return switch (code) {
      case 400 -> "The request is malformed.";
      case 401 -> "A valid bearer token is required.";
      case 404 -> "There is no such resource.";
      case 405 -> "This method is not allowed here; see the Allow header.";
      case 406 -> "The requested media type cannot be produced; ask for application/json.";
      case 413 -> "The request body is too large.";
      case 415 -> "Unsupported content type; send application/json.";
      default -> "The request could not be processed.";
    };
  }
}
