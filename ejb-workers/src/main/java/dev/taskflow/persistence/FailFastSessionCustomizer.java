package dev.taskflow.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a failed read up to 3 times, 5 s apart, when the database is unreachable:
 * a request would hang 10+ s before failing. We would rather answer 503 at once and let the
 * client (and the connection pool's purge) recover. And it would log each failed statement of an
 * outage; see {@link OutageQuietSessionLog}.
 */
public class FailFastSessionCustomizer implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    session.getLogin().setQueryRetryAttemptCount(0);
    session.getLogin().setDelayBetweenConnectionAttempts(0);
    session.setSessionLog(new OutageQuietSessionLog(session.getSessionLog()));
  }
}
