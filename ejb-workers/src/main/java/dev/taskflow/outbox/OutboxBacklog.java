package dev.taskflow.outbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import javax.sql.DataSource;

/** How many events wait to be published. Cached briefly: readiness and metrics both ask. */
@ApplicationScoped
public class OutboxBacklog {

  private static final long CACHE_NANOS = 1_000_000_000L;

  @Resource(lookup = "jdbc/taskflow")
  DataSource dataSource;

  private long checkedAt = System.nanoTime() - CACHE_NANOS;
  private OptionalLong backlog = OptionalLong.empty();

  /** The number of unpublished events, or empty when the database cannot be asked. */
  public synchronized OptionalLong size() {
    if (System.nanoTime() - checkedAt < CACHE_NANOS) {
      return backlog;
    }
    backlog = count();
    checkedAt = System.nanoTime();
    return backlog;
  }

  private OptionalLong count() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) {
      rs.next();
      return OptionalLong.of(rs.getLong(1));
    } catch (SQLException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }
}
