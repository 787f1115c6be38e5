package dev.taskflow.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Exactly one relay is active across replicas: the PostgreSQL advisory lock, on the real database. */
class RelayLeadershipIT {

  private static final String URL = System.getProperty("taskflow.jdbcUrl", "jdbc:postgresql://127.0.0.1:5432/taskflow_test");

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(URL, "taskflow", "taskflow");
  }

  private static OutboxRelayLoop relay(long lockKey) {
    OutboxRelayLoop.Settings settings = OutboxRelayLoop.Settings.defaults().withLockKey(lockKey);
    return new OutboxRelayLoop(
        RelayLeadershipIT::connect,
        () -> {
          throw new AssertionError("a relay that does not lead must not publish");
        },
        settings,
        new OutboxRelayLoop.Listener() {
          @Override
          public void published(List<Double> lagSeconds) {}

          @Override
          public void failed(Exception cause) {}

          @Override
          public void leadership(boolean leader) {}
        });
  }

  @Test
  void theServersRelayHoldsTheLockSoASecondRelayStandsBy() throws Exception {
    assertThat(lockHolders(OutboxRelayLoop.LOCK_KEY)).as("sessions holding the relay lock").isEqualTo(1);

    OutboxRelayLoop second = relay(OutboxRelayLoop.LOCK_KEY);
    assertThat(second.lead()).isFalse();
    assertThat(second.lead()).isFalse();
    second.stop();
    second.run(); // returns at once, releasing its connection
  }

  @Test
  void whenTheLeaderGoesAStandbyTakesOver() throws Exception {
    long key = 424242L;
    OutboxRelayLoop first = relay(key);
    OutboxRelayLoop second = relay(key);

    assertThat(first.lead()).isTrue();
    assertThat(second.lead()).isFalse();
    assertThat(lockHolders(key)).isEqualTo(1);

    first.stop();
    first.run(); // ends the leader's session, as a crash would

    // the server releases the lock when the session's backend has exited: on a later try
    Awaitility.await("standby takes over").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(second::lead);
    assertThat(lockHolders(key)).isEqualTo(1);
    second.stop();
    second.run();
    Awaitility.await("lock released").atMost(Duration.ofSeconds(10)).until(() -> lockHolders(key) == 0);
  }

  /**
   * Sessions holding a bigint advisory lock in this database (advisory locks are per database):
   * PostgreSQL splits the key into classid and objid.
   */
  private static int lockHolders(long key) throws SQLException {
    try (Connection db = connect();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                    + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                    + " AND classid = ?::bigint::oid AND objid = ?::bigint::oid AND objsubid = 1")) {
      query.setLong(1, key >>> 32);
      query.setLong(2, key & 0xffffffffL);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
