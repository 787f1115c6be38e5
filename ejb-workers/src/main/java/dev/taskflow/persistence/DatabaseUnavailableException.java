package dev.taskflow.persistence;

import jakarta.ejb.ApplicationException;

/**
 * The database could not be reached (or chose this transaction as a deadlock victim): worth
 * retrying later. An application exception, so the EJB container rolls back and passes it on
 * without logging a stack trace per request during an outage ({@link DatabaseOutages}).
 */
@ApplicationException(rollback = true)
public class DatabaseUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DatabaseUnavailableException(RuntimeException cause) {
    super("The database is unavailable: " + cause.getClass().getSimpleName(), cause);
  }

  private DatabaseUnavailableException(String message) {
    super(message, null, false, false);
  }

  /** Refused without trying: another call found the database unreachable a moment ago ({@link OutageBreaker}). */
  static DatabaseUnavailableException knownOutage() {
    return new DatabaseUnavailableException("The database is unavailable: unreachable a moment ago, not tried again yet");
  }
}
