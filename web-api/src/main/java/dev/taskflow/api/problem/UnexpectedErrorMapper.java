package dev.taskflow.api.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.HashSet;
import java.util.Set;
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
    if (isDatabaseUnavailable(e)) {
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

  /** Connection-level failures: SQLState class 08, server shutting down (57P0x), pool timeouts. */
  static boolean isDatabaseUnavailable(Throwable e) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"))) {
          return true;
        }
        for (SQLException next = sql.getNextException(); next != null && seen.add(next); next = next.getNextException()) {
          if (isDatabaseUnavailable(next)) {
            return true;
          }
        }
      }
      String name = t.getClass().getName();
      if (name.contains("ConnectionWaitTimeout") || name.endsWith("ResourceAllocationException")) {
        return true;
      }
    }
    return false;
  }
}
