package dev.taskflow.api.identity;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

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
      boolean sent = Unauthenticated.tokenSent(request.getHeaderString(HttpHeaders.AUTHORIZATION));
      if (sent) {
        RefusedTokens.SERVER.record();
      }
      request.abortWith(
          Unauthenticated.problem(sent)
              .toResponseBuilder()
              .header(HttpHeaders.WWW_AUTHENTICATE, Unauthenticated.challenge(sent))
              .build());
    }
  }
}
