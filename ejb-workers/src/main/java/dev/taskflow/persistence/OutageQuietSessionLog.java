package dev.taskflow.persistence;

import org.eclipse.persistence.logging.AbstractSessionLog;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;

/**
 * EclipseLink's log, without the one warning per failed statement while the database is away.
 * EclipseLink logs every exception it throws (CWWJP9991W, with the SQL); during a PostgreSQL
 * outage that is a warning per request, and the API already logs the outage once
 * ({@code OutageLog}). Everything else goes to the log Liberty gave the session.
 */
final class OutageQuietSessionLog extends AbstractSessionLog {

  private final SessionLog delegate;

  OutageQuietSessionLog(SessionLog delegate) {
    this.delegate = delegate;
    setLevel(delegate.getLevel());
  }

  @Override
  public void log(SessionLogEntry entry) {
    if (entry.hasException() && DatabaseFailures.isUnavailable(entry.getException())) {
      return;
    }
    delegate.log(entry);
  }

  @Override
  public boolean shouldLog(int level, String category) {
    return delegate.shouldLog(level, category);
  }

  @Override
  public boolean shouldLog(int level) {
    return delegate.shouldLog(level);
  }

  @Override
  public int getLevel(String category) {
    return delegate.getLevel(category);
  }

  @Override
  public void setLevel(int level, String category) {
    super.setLevel(level, category);
    if (delegate != null) {
      delegate.setLevel(level, category);
    }
  }
}
