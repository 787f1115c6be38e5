package dev.taskflow.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

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

  /**
   * Connection-level failures: the database cannot be reached ({@link #isUnreachable}), or it is
   * there but has no connection for us now (pool wait timeouts, too many connections: 53300).
   */
  public static boolean isUnavailable(Throwable e) {
    return isUnreachable(e) || anyCause(e, t -> {
      if (t instanceof SQLException sql && "53300".equals(sql.getSQLState())) {
        return true;
      }
      String name = t.getClass().getName();
      return name.contains("ConnectionWaitTimeout") || name.endsWith("ResourceAllocationException");
    });
  }

  /**
   * The database cannot be reached at all: SQLState class 08 (connection exceptions: refused,
   * broken), 57P0x (the server is shutting down or restarting), a connection exception type, or
   * a refusal because another call just found it so ({@link DatabaseUnavailableException}).
   */
  public static boolean isUnreachable(Throwable e) {
    return anyCause(e, t -> {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof DatabaseUnavailableException refused && refused.getCause() == null) {
        return true;
      }
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
      }
      return false;
    });
  }

  /** Whether the failure, one of its causes or a chained SQL exception matches. */
  private static boolean anyCause(Throwable e, Predicate<Throwable> test) {
    Set<Throwable> seen = new HashSet<>();
    ArrayDeque<Throwable> todo = new ArrayDeque<>();
    if (e != null) {
      todo.add(e);
    }
    while (!todo.isEmpty()) {
      Throwable t = todo.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (test.test(t)) {
        return true;
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      if (t instanceof SQLException sql && sql.getNextException() != null) {
        todo.add(sql.getNextException());
      }
    }
    return false;
  }
}
