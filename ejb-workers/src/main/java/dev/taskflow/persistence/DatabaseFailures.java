package dev.taskflow.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.HashSet;
import java.util.Set;

/** Tells a database that cannot be reached (retry later) from a failure that retrying won't fix. */
public final class DatabaseFailures {

  private DatabaseFailures() {}

  /** Worth retrying: the database is unavailable, or chose this transaction as a deadlock victim. */
  public static boolean isTransient(Throwable e) {
    return isUnavailable(e) || hasState(e, "40P01") || hasState(e, "40001");
  }

  private static boolean hasState(Throwable e, String state) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The commit itself failed half-way: the database may have made the change durable before the
   * connection broke (the transaction manager reports a heuristic outcome, or the resource manager
   * failed during commit). Nobody knows whether the write happened until it is read back.
   */
  public static boolean isOutcomeUnknown(Throwable e) {
    Set<Throwable> seen = new HashSet<>();
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
      if (t instanceof jakarta.transaction.HeuristicMixedException
          || t instanceof jakarta.transaction.HeuristicCommitException) {
        return true;
      }
      if (t instanceof javax.transaction.xa.XAException xa && (xa.errorCode == javax.transaction.xa.XAException.XAER_RMFAIL
          || xa.errorCode == javax.transaction.xa.XAException.XA_HEURMIX
          || xa.errorCode == javax.transaction.xa.XAException.XA_HEURHAZ)) {
        return true;
      }
    }
    return false;
  }

  /** Connection-level failures: SQLState class 08, server shutting down (57P0x), pool timeouts. */
  public static boolean isUnavailable(Throwable e) {
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
          if (isUnavailable(next)) {
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
