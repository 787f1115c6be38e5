package dev.taskflow.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL the server runs for a list and a search, run directly over JDBC: the baseline that shows
 * what HTTP, JSON, JPA and the app add. The search runs the same three statements as SearchService
 * (prefix expansion from the word dictionary, the ranked full-text query, then the rows).
 */
final class DirectSql {

  private static final String RANKED = "SELECT t.id, 0.5 * ts_rank(t.search_vector, %1$s, 32)"
      + " + CASE WHEN ts_rank('{0,0,0,1}', t.search_vector, %1$s) > 0 THEN 0.5 ELSE 0 END AS rank"
      + " FROM tasks t WHERE t.user_id = ? AND t.completed = false AND t.search_vector @@ %1$s"
      + " ORDER BY rank DESC, t.id DESC LIMIT 50";

  private DirectSql() {}

  static int list(Connection db, String user) throws SQLException {
    int rows = 0;
    try (PreparedStatement sql = db.prepareStatement("SELECT * FROM tasks WHERE user_id = ? AND completed = false"
        + " ORDER BY due_date NULLS LAST, id LIMIT 50")) {
      sql.setString(1, user);
      try (ResultSet rs = sql.executeQuery()) {
        while (rs.next()) {
          rows++;
        }
      }
    }
    try (PreparedStatement sql = db.prepareStatement("SELECT count(*) FROM tasks WHERE user_id = ? AND completed = false")) {
      sql.setString(1, user);
      try (ResultSet rs = sql.executeQuery()) {
        rs.next();
      }
    }
    return rows;
  }

  /** A one-word query (the word is also a prefix, as the server treats the last word). */
  static int searchWord(Connection db, String user, String word) throws SQLException {
    List<String> expansions = new ArrayList<>();
    try (PreparedStatement sql = db.prepareStatement("SELECT word FROM search_terms WHERE user_id = ? AND word LIKE ?"
        + " AND word <> ? ORDER BY tasks DESC, word LIMIT 10")) {
      sql.setString(1, user);
      sql.setString(2, word + "%");
      sql.setString(3, word);
      try (ResultSet rs = sql.executeQuery()) {
        while (rs.next()) {
          expansions.add(rs.getString(1));
        }
      }
    }
    String tsquery = expansions.isEmpty() ? "plainto_tsquery('english', ?)"
        : "(plainto_tsquery('english', ?) || to_tsquery('english', ?))";
    String ranked = RANKED.formatted(tsquery);
    try (PreparedStatement sql = db.prepareStatement(ranked)) {
      int i = 1;
      for (int copy = 0; copy < 3; copy++) {
        sql.setString(i++, word);
        if (!expansions.isEmpty()) {
          sql.setString(i++, String.join(" | ", expansions));
        }
        if (copy == 1) {
          sql.setString(i++, user);
        }
      }
      return rows(db, user, sql);
    }
  }

  /** A quoted phrase: no prefix, websearch syntax only. */
  static int searchPhrase(Connection db, String user, String phrase) throws SQLException {
    try (PreparedStatement sql = db.prepareStatement(RANKED.formatted("websearch_to_tsquery('english', ?)"))) {
      sql.setString(1, phrase);
      sql.setString(2, phrase);
      sql.setString(3, user);
      sql.setString(4, phrase);
      return rows(db, user, sql);
    }
  }

  private static int rows(Connection db, String user, PreparedStatement ranked) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (ResultSet rs = ranked.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    if (ids.isEmpty()) {
      return 0;
    }
    int rows = 0;
    try (PreparedStatement sql = db.prepareStatement("SELECT * FROM tasks WHERE id = ANY (?) AND user_id = ?")) {
      Array array = db.createArrayOf("bigint", ids.toArray());
      sql.setArray(1, array);
      sql.setString(2, user);
      try (ResultSet rs = sql.executeQuery()) {
        while (rs.next()) {
          rows++;
        }
      }
    }
    return rows;
  }
}
