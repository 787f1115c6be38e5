package dev.taskflow.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Who and what the load asks for, read from the seeded data so every request hits real rows. */
final class Workload {

  record Owned(String user, long id) {}

  final List<String> users = new ArrayList<>();
  final List<Owned> tasks = new ArrayList<>();
  final String commonWord;
  final List<String> rareWords = new ArrayList<>();
  final String prefix;
  final String phrase = "\"quarterly report\"";
  final long maxId;

  Workload(Connection db, int userCount) throws SQLException {
    for (int i = 0; i < Math.min(200, userCount - 1); i++) {
      users.add("bench-user-" + i);
    }
    try (PreparedStatement sql = db.prepareStatement(
        "SELECT user_id, id FROM tasks WHERE user_id = ANY (?) ORDER BY id LIMIT 40000")) {
      Array array = db.createArrayOf("text", users.toArray());
      sql.setArray(1, array);
      try (ResultSet rs = sql.executeQuery()) {
        while (rs.next()) {
          tasks.add(new Owned(rs.getString(1), rs.getLong(2)));
        }
      }
    }
    commonWord = single(db, "SELECT word FROM search_terms WHERE user_id = 'bench-heavy' AND length(word) >= 5"
        + " AND word NOT IN ('remember', 'before', 'with') ORDER BY tasks DESC LIMIT 1");
    try (PreparedStatement sql = db.prepareStatement("SELECT word FROM search_terms WHERE user_id = 'bench-heavy'"
        + " AND word LIKE 'kw%' AND tasks = 1 ORDER BY word LIMIT 50");
        ResultSet rs = sql.executeQuery()) {
      while (rs.next()) {
        rareWords.add(rs.getString(1));
      }
    }
    prefix = commonWord.substring(0, 4);
    maxId = Long.parseLong(single(db, "SELECT max(id)::text FROM tasks"));
  }

  private static String single(Connection db, String query) throws SQLException {
    try (PreparedStatement sql = db.prepareStatement(query); ResultSet rs = sql.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("no data for: " + query);
      }
      return rs.getString(1);
    }
  }

  Owned anyTask() {
    return tasks.get(ThreadLocalRandom.current().nextInt(tasks.size()));
  }

  String anyUser() {
    return users.get(ThreadLocalRandom.current().nextInt(users.size()));
  }

  String anyRareWord() {
    return rareWords.get(ThreadLocalRandom.current().nextInt(rareWords.size()));
  }

  static String createBody(String title, String due, String extra) {
    return "{\"title\":\"" + title + "\",\"description\":\"Remember to review the budget with Ben before the board"
        + " minutes.\",\"priority\":\"high\",\"category\":\"Work\",\"tags\":[\"urgent\"],\"dueDate\":\"" + due + "\""
        + (extra == null ? "" : "," + extra) + "}";
  }
}
