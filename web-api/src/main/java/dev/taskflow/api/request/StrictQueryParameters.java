package dev.taskflow.api.request;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Refuses (400, {@code invalid-query}) a request whose query names a parameter its operation does
 * not take, or names a single-valued one twice: a mistyped filter must not silently return
 * everything. Runs after authentication, so an anonymous caller learns nothing from it.
 */
@Provider
@Priority(Priorities.USER)
public class StrictQueryParameters implements ContainerRequestFilter {

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getUriInfo().getQueryParameters().isEmpty() || resource.getResourceMethod() == null) {
      return;
    }
    KnownQueryParameters known = resource.getResourceMethod().getAnnotation(KnownQueryParameters.class);
    QueryParameters.of(
        request.getUriInfo().getQueryParameters(),
        known == null ? Set.of() : Set.of(known.value()),
        known == null ? Set.of() : Set.of(known.repeatable()));
  }
}
