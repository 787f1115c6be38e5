package dev.taskflow.stream;

import dev.taskflow.event.EventType;
import dev.taskflow.kafka.KafkaSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * The events a user may follow live, as the outbox holds them: the same CloudEvents that go to
 * {@code task-events} (created, updated, completed, deleted) and {@code task-reminders}, one row
 * each (the copy of a completion on {@code task-recurrence} is left out). For the server-sent
 * streams: by position for the users who have a stream open, or one user's after a Last-Event-ID.
 * Reads only; the outbox keeps events for its retention (7 days by default).
 */
@ApplicationScoped
public class LiveFeed {

  /** One event; {@code position} is its outbox id, the stream's event id. */
  public record Entry(long position, String userId, String type, String cloudEvent) {

    public boolean isReminder() {
      return REMINDER.equals(type);
    }
  }

  static final String REMINDER = EventType.REMINDER_SENT.type();
  static final String COLUMNS = "SELECT id, user_id, event_type, payload FROM outbox_event";

  @Resource(lookup = "jdbc/taskflow")
  DataSource dataSource;

  @Inject KafkaSettings topics;

  /** These users' events with {@code from < position <= to}, oldest first, at most {@code limit}. */
  public List<Entry> forUsers(Collection<String> users, long from, long to, int limit) throws SQLException {
    if (users.isEmpty()) {
      return List.of();
    }
    try (Connection db = dataSource.getConnection();
        PreparedStatement sql = db.prepareStatement(COLUMNS + " WHERE id > ? AND id <= ? AND user_id = ANY(?)"
            + " AND topic IN (?, ?) ORDER BY id LIMIT ?")) {
      Array ids = db.createArrayOf("text", users.toArray());
      sql.setLong(1, from);
      sql.setLong(2, to);
      sql.setArray(3, ids);
      sql.setString(4, topics.eventsTopic());
      sql.setString(5, topics.remindersTopic());
      sql.setInt(6, limit);
      return read(sql);
    }
  }

  /** One user's events after {@code position}, oldest first (a reconnect's replay). */
  public List<Entry> after(String userId, long position, boolean remindersOnly, int limit) throws SQLException {
    try (Connection db = dataSource.getConnection();
        PreparedStatement sql = db.prepareStatement(COLUMNS + " WHERE user_id = ? AND id > ?"
            + (remindersOnly ? " AND event_type = ? AND topic = ?" : " AND topic IN (?, ?)")
            + " ORDER BY id LIMIT ?")) {
      sql.setString(1, userId);
      sql.setLong(2, position);
      if (remindersOnly) {
        sql.setString(3, REMINDER);
        sql.setString(4, topics.remindersTopic());
      } else {
        sql.setString(3, topics.eventsTopic());
        sql.setString(4, topics.remindersTopic());
      }
      sql.setInt(5, limit);
      return read(sql);
    }
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

  private static List<Entry> read(PreparedStatement sql) throws SQLException {
    List<Entry> entries = new ArrayList<>();
    try (ResultSet rs = sql.executeQuery()) {
      while (rs.next()) {
        entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
      }
    }
    return entries;
  }
}
