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
  void otherFailuresAreNot() {
    assertThat(DatabaseFailures.isUnavailable(new SQLException("syntax", "42601"))).isFalse();
    assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("bug"))).isFalse();
  }
}
