package dev.taskflow.api;

import dev.taskflow.api.problem.Problem;
import dev.taskflow.schema.SchemaMigration;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** Until the schema is migrated (PostgreSQL away at start-up) the API answers 503, not errors. */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class SchemaReadyFilter implements ContainerRequestFilter {

  @Inject SchemaMigration schema;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!schema.isMigrated()) {
      request.abortWith(
          Problem.of(Response.Status.SERVICE_UNAVAILABLE, "The database is not ready yet; try again shortly.")
              .toResponseBuilder()
              .header(HttpHeaders.RETRY_AFTER, "5")
              .build());
    }
  }
}
