package dev.taskflow.api.problem;

import dev.taskflow.persistence.DatabaseFailures;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything nobody planned for. A database that cannot be reached answers 503 (the client may
 * retry); anything else is logged with an id and answered 500 without internals.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    if (DatabaseFailures.isTransient(e)) {
      LOG.warning(() -> "Database unavailable: " + e);
      return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "The database is unavailable; try again shortly.")
          .toResponseBuilder()
          .header(HttpHeaders.RETRY_AFTER, "5")
          .build();
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, e);
    return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "Unexpected error; incident " + incident + " is logged.")
        .toResponse();
  }
}
