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
 * Everything nobody planned for. A database that cannot be reached answers 503 (nothing was
 * saved; the client may retry). A database lost during the commit answers 503 too, but with the
 * type {@link #OUTCOME_UNKNOWN}: the change may have been saved. Anything else is logged with an
 * id and answered 500 without internals.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());
  private static final OutageLog UNAVAILABLE = new OutageLog(LOG, "Database unavailable, answered 503", System::nanoTime);
  private static final OutageLog LOST_COMMITS =
      new OutageLog(LOG, "Database lost during commit, outcome unknown, answered 503", System::nanoTime);

  /** The commit broke half-way: the change may be saved or not (see {@link DatabaseFailures#isOutcomeUnknown}). */
  public static final String OUTCOME_UNKNOWN = "urn:taskflow:problem:outcome-unknown";

  @Override
  public Response toResponse(Throwable e) {
    if (DatabaseFailures.isOutcomeUnknown(e)) {
      LOST_COMMITS.record(e);
      return new Problem(OUTCOME_UNKNOWN, "Outcome unknown", 503, "The database became unavailable while saving:"
          + " the change may or may not have been saved. Read it back before you repeat it.", null)
          .toResponseBuilder()
          .header(HttpHeaders.RETRY_AFTER, "5")
          .build();
    }
    if (DatabaseFailures.isTransient(e)) {
      UNAVAILABLE.record(e);
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
