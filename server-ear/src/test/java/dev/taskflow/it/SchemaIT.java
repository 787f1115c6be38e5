package dev.taskflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flyway built the schema the features rely on: columns, generated columns and indexes. */
class SchemaIT {

  static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty("taskflow.jdbcUrl", "jdbc:postgresql://127.0.0.1:5432/taskflow_test"), "taskflow", "taskflow");
  }

  /** One number from the test database, e.g. how many events a task has in the outbox. */
  static long count(String sql, Object... parameters) throws SQLException {
    try (Connection db = connect(); java.sql.PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  @Test
  void migrationsRanSuccessfully() throws SQLException {
    try (Connection db = connect();
        ResultSet rs = db.createStatement().executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
      List<String> versions = new ArrayList<>();
      while (rs.next()) {
        assertThat(rs.getBoolean("success")).isTrue();
        versions.add(rs.getString("version"));
      }
      assertThat(versions).contains("1");
    }
  }

  @Test
  void tasksTableHasEveryColumnTheFeaturesNeed() throws SQLException {
    Map<String, String> columns = new HashMap<>();
    try (Connection db = connect();
        ResultSet rs =
            db.createStatement()
                .executeQuery("SELECT column_name, udt_name FROM information_schema.columns WHERE table_name = 'tasks'")) {
      while (rs.next()) {
        columns.put(rs.getString(1), rs.getString(2));
      }
    }
    assertThat(columns)
        .containsEntry("user_id", "text")
        .containsEntry("title", "text")
        .containsEntry("description", "text")
        .containsEntry("priority", "text")
        .containsEntry("category", "text")
        .containsEntry("tags", "_text")
        .containsEntry("due_date", "timestamptz")
        .containsEntry("time_zone", "text")
        .containsEntry("recurrence_rule", "text")
        .containsEntry("repeat_from", "text")
        .containsEntry("remind_before_minutes", "int4")
        .containsEntry("reminder_sent", "bool")
        .containsEntry("completed", "bool")
        .containsEntry("completed_at", "timestamptz")
        .containsEntry("series_id", "int8")
        .containsEntry("series_start", "timestamptz")
        .containsEntry("created_at", "timestamptz")
        .containsEntry("updated_at", "timestamptz")
        .containsEntry("search_vector", "tsvector")
        .containsEntry("remind_at", "timestamptz");
  }

  @Test
  void indexesForListingSearchAndRemindersExist() throws SQLException {
    Map<String, String> indexes = new HashMap<>();
    try (Connection db = connect();
        ResultSet rs = db.createStatement().executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'tasks'")) {
      while (rs.next()) {
        indexes.put(rs.getString(1), rs.getString(2));
      }
    }
    assertThat(indexes.get("tasks_search_idx")).contains("USING gin", "user_id", "search_vector");
    assertThat(indexes.get("tasks_reminder_idx"))
        .contains("remind_at", "WHERE")
        .contains("completed = false", "reminder_sent = false", "due_date IS NOT NULL");
    assertThat(indexes.get("tasks_user_list_idx")).contains("user_id", "completed", "due_date");
  }

  @Test
  void searchVectorWeighsTitleAboveDescriptionAboveTags() throws SQLException {
    try (Connection db = connect();
        ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "SELECT setweight(to_tsvector('english', 'Meetings'), 'A') @@ to_tsquery('english', 'meeting:A'),"
                        + " (SELECT count(*) FROM pg_extension WHERE extname IN ('pg_trgm', 'btree_gin'))")) {
      rs.next();
      assertThat(rs.getBoolean(1)).isTrue();
      assertThat(rs.getInt(2)).isEqualTo(2);
    }
  }
}
