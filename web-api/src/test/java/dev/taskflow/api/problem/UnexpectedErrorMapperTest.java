package dev.taskflow.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class UnexpectedErrorMapperTest {

  @Test
  void connectionFailuresAnywhereInTheChainMeanTheDatabaseIsUnavailable() {
    assertThat(UnexpectedErrorMapper.isDatabaseUnavailable(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
    assertThat(UnexpectedErrorMapper.isDatabaseUnavailable(new IllegalStateException(new SQLTransientConnectionException("pool")))).isTrue();
    assertThat(UnexpectedErrorMapper.isDatabaseUnavailable(new SQLException("shutting down", "57P01"))).isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(UnexpectedErrorMapper.isDatabaseUnavailable(new SQLException("syntax", "42601"))).isFalse();
    assertThat(UnexpectedErrorMapper.isDatabaseUnavailable(new IllegalStateException("bug"))).isFalse();
  }
}
