package dev.taskflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

  @Test
  void connectionFailuresAnywhereInTheChainMeanTheDatabaseIsUnavailable() {
    assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
    assertThat(DatabaseFailures.isUnavailable(new IllegalStateException(new SQLTransientConnectionException("pool")))).isTrue();
    assertThat(DatabaseFailures.isUnavailable(new SQLException("shutting down", "57P01"))).isTrue();
  }

  @Test
  void onlyADatabaseThatCannotBeReachedIsUnreachable() {
    assertThat(DatabaseFailures.isUnreachable(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
    assertThat(DatabaseFailures.isUnreachable(new SQLException("shutting down", "57P01"))).isTrue();
    assertThat(DatabaseFailures.isUnreachable(new RuntimeException(new java.net.ConnectException("refused")))).isTrue();
    SQLException chained = new SQLException("batch failed", "XX000");
    chained.setNextException(new SQLException("broken pipe", "08006"));
    assertThat(DatabaseFailures.isUnreachable(new RuntimeException(chained))).isTrue();
    // there, but busy: unavailable to this call, yet not a reason to refuse everyone else
    SQLException tooMany = new SQLException("too many clients", "53300");
    assertThat(DatabaseFailures.isUnavailable(tooMany)).isTrue();
    assertThat(DatabaseFailures.isUnreachable(tooMany)).isFalse();
    assertThat(DatabaseFailures.isUnreachable(new SQLException("deadlock", "40P01"))).isFalse();
    assertThat(DatabaseFailures.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(DatabaseFailures.isUnavailable(new SQLException("syntax", "42601"))).isFalse();
    assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("bug"))).isFalse();
  }

  @Test
  void aCommitThatBrokeHalfWayHasAnUnknownOutcome() {
    // What Liberty's EJB container throws when PostgreSQL goes away during a one-phase commit.
    Exception heuristic = new jakarta.ejb.EJBTransactionRolledbackException("nested exception is:",
        new RuntimeException(new jakarta.transaction.HeuristicMixedException()));
    assertThat(DatabaseFailures.isOutcomeUnknown(heuristic)).isTrue();
    javax.transaction.xa.XAException rmfail = new javax.transaction.xa.XAException(javax.transaction.xa.XAException.XAER_RMFAIL);
    assertThat(DatabaseFailures.isOutcomeUnknown(new RuntimeException(rmfail))).isTrue();
  }

  @Test
  void aFailureBeforeTheCommitHasAKnownOutcome() {
    assertThat(DatabaseFailures.isOutcomeUnknown(new RuntimeException(new SQLException("refused", "08001")))).isFalse();
    assertThat(DatabaseFailures.isOutcomeUnknown(new jakarta.transaction.RollbackException())).isFalse();
  }
}
