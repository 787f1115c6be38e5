package dev.taskflow.reminder;

import dev.taskflow.event.EventType;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Sent reminders as the outbox holds them (the same CloudEvents that go to {@code task-reminders}),
 * for the server-sent reminder stream: by position for everyone, or for one user after a
 * Last-Event-ID. Reads only; the outbox keeps them for its retention (7 days by default).
 */
@ApplicationScoped
public class ReminderFeed {

  /** One reminder; {@code position} is its outbox id, the stream's event id. */
  public record Entry(long position, String userId, String cloudEvent) {}

  static final String TYPE = EventType.REMINDER_SENT.type();

  @Resource(lookup = "jdbc/taskflow")
  DataSource dataSource;

  /** Everyone's reminders after {@code position}, oldest first. */
  public List<Entry> after(long position, int limit) throws SQLException {
    return query("SELECT id, user_id, payload FROM outbox_event WHERE event_type = ? AND id > ?"
        + " ORDER BY id LIMIT ?", null, position, limit);
  }

  /** Everyone's reminders with {@code from < position <= to}, oldest first. */
  public List<Entry> between(long from, long to) throws SQLException {
    try (Connection db = dataSource.getConnection();
        PreparedStatement sql = db.prepareStatement("SELECT id, user_id, payload FROM outbox_event"
            + " WHERE event_type = ? AND id > ? AND id <= ? ORDER BY id")) {
      sql.setString(1, TYPE);
      sql.setLong(2, from);
      sql.setLong(3, to);
      return read(sql);
    }
  }

  /** One user's reminders after {@code position}, oldest first (a reconnect's replay). */
  public List<Entry> after(String userId, long position, int limit) throws SQLException {
    return query("SELECT id, user_id, payload FROM outbox_event WHERE event_type = ? AND user_id = ? AND id > ?"
        + " ORDER BY id LIMIT ?", userId, position, limit);
  }

  /** The newest outbox position, or 0 when the table is empty. */
  public long latestPosition() throws SQLException {
    try (Connection db = dataSource.getConnection();
        PreparedStatement sql = db.prepareStatement("SELECT coalesce(max(id), 0) FROM outbox_event");
        ResultSet rs = sql.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private List<Entry> query(String query, String userId, long position, int limit) throws SQLException {
    try (Connection db = dataSource.getConnection(); PreparedStatement sql = db.prepareStatement(query)) {
      int i = 1;
      sql.setString(i++, TYPE);
      if (userId != null) {
        sql.setString(i++, userId);
      }
      sql.setLong(i++, position);
      sql.setInt(i, limit);
      return read(sql);
    }
  }

  private static List<Entry> read(PreparedStatement sql) throws SQLException {
    List<Entry> entries = new ArrayList<>();
    try (ResultSet rs = sql.executeQuery()) {
      while (rs.next()) {
        entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3)));
      }
    }
    return entries;
  }
}
