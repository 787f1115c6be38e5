package dev.taskflow.api;

import dev.taskflow.api.problem.Problem;
import dev.taskflow.api.warmup.Warmup;
import dev.taskflow.api.warmup.WarmupRequests;
import dev.taskflow.schema.SchemaMigration;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Until the server is ready the API answers 503 with {@code Retry-After}, as a load balancer
 * would keep traffic away: first while the schema is not migrated (PostgreSQL away at start-up),
 * then while the server warms up ({@link Warmup}). The warm-up's own requests pass.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class ReadyGate implements ContainerRequestFilter {

  static final String STARTING = "urn:taskflow:problem:starting";

  @Inject SchemaMigration schema;
  @Inject Warmup warmup;

  /**
   * Set once the schema is migrated and the server warm; neither goes back. Asking the singleton
   * EJB on every request cost an EJB invocation with its security check per request.
   */
  private static volatile boolean open;

  @Override
  public void filter(ContainerRequestContext request) {
    if (open) {
      return;
    }
    if (!schema.isMigrated()) {
      request.abortWith(
          Problem.of(Response.Status.SERVICE_UNAVAILABLE, "The database is not ready yet; try again shortly.")
              .toResponseBuilder()
              .header(HttpHeaders.RETRY_AFTER, "5")
              .build());
    } else if (!warmup.isWarm() && !WarmupRequests.isWarmup(request)) {
      request.abortWith(
          new Problem(STARTING, "Starting", 503,
                  "The server is warming up and not ready yet; try again in a few seconds.", List.of())
              .toResponseBuilder()
              .header(HttpHeaders.RETRY_AFTER, "5")
              .build());
    } else if (warmup.isWarm()) {
      open = true;
    }
  }
}
