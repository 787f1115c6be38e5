package dev.taskflow.api.identity;

import dev.taskflow.api.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Every API request needs a verified bearer token with a subject. Liberty's MP-JWT support has
 * already rejected bad tokens; here the request without one is answered 401 problem+json.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenRequired implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (Caller.find(request.getSecurityContext()).isEmpty()) {
      String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
      if (authorization != null && !authorization.isBlank()) {
        RefusedTokens.SERVER.record();
      }
      request.abortWith(
          new Problem(
                  "urn:taskflow:problem:unauthenticated",
                  "Unauthorized",
                  401,
                  "A valid bearer token (Authorization: Bearer <JWT>) with a subject is required.",
                  List.of())
              .toResponseBuilder()
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"taskflow\"")
              .build());
    }
  }
}
