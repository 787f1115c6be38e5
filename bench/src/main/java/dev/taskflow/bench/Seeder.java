package dev.taskflow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark's data set, made with SQL for speed: realistic titles and descriptions (verbs,
 * everyday objects and names drawn with a Zipf-like skew, plus rare words), priorities,
 * categories, tags and due dates, 20% completed, across N users, one of whom ("bench-heavy") owns
 * 10,000 tasks. The per-user word dictionary is built in one pass afterwards (its trigger is
 * switched off while seeding). Kept between runs and rebuilt only when the size changes.
 */
final class Seeder {

  static final String HEAVY_USER = "bench-heavy";
  static final int HEAVY_TASKS = 10_000;

  private static final String WORDS = """
      SELECT
        ARRAY['Prepare','Review','Call','Email','Schedule','Book','Pay','Fix','Write','Update','Plan','Buy','Clean',
              'Send','Check','Draft','Organize','Renew','Cancel','Finish','Submit','Discuss','Print','Order'] AS verbs,
        ARRAY['the quarterly report','team meeting notes','budget','the invoice','dentist appointment',
              'flight tickets','project proposal','birthday gift','car service','groceries','presentation slides',
              'the contract','tax return','kitchen sink','insurance claim','release notes','design review',
              'onboarding plan','hotel booking','electricity bill','school forms','garden fence','client feedback',
              'sprint retrospective','database migration','security audit','newsletter','board minutes',
              'expense report','performance review','vet appointment','passport renewal','wedding speech',
              'conference talk','marketing plan','hiring pipeline','customer survey','pull request',
              'server upgrade','office party'] AS objects,
        ARRAY['Anna','Ben','Carla','David','Emma','Farid','Grace','Hugo','Ines','Jonas','Karin','Liam','Maya',
              'Nils','Olga','Pablo','Quinn','Rosa','Sven','Tara','Acme','Globex','Initech','Umbrella','Hooli',
              'Stark','Wayne','Wonka','Cyberdyne','Tyrell'] AS names,
        ARRAY['Work','Home','Health','Finance','Travel','Family','Learning','Errands'] AS categories,
        ARRAY['urgent','waiting','phone','online','weekly','q3','q4','followup','errand','idea'] AS tags
      """;

  private Seeder() {}

  /** Seeds {@code tasks} tasks across {@code users} users unless exactly that set is there. */
  static void ensure(Connection db, int tasks, int users) throws SQLException {
    try (Statement sql = db.createStatement()) {
      sql.execute("CREATE TABLE IF NOT EXISTS bench_dataset (tasks integer, users integer, seeded_at timestamptz)");
      try (ResultSet rs = sql.executeQuery("SELECT tasks, users FROM bench_dataset")) {
        if (rs.next() && rs.getInt(1) == tasks && rs.getInt(2) == users) {
          Bench.log("data set: %,d tasks across %,d users, already seeded", tasks, users);
          return;
        }
      }
      long started = System.nanoTime();
      Bench.log("seeding %,d tasks across %,d users (SQL; takes a few minutes at 1M)...", tasks, users);
      sql.execute("DELETE FROM bench_dataset");
      sql.execute("TRUNCATE tasks, outbox_event, search_terms, processed_event");
      sql.execute("ALTER TABLE tasks DISABLE TRIGGER tasks_search_terms_insert_delete");
      try (PreparedStatement insert = db.prepareStatement(WORDS.replace("SELECT\n", "WITH v AS (SELECT\n")
          .replace("AS tags\n", "AS tags)\n") + """
          INSERT INTO tasks (user_id, title, description, priority, category, tags, due_date, time_zone,
                             remind_before_minutes, reminder_sent, completed, completed_at, created_at, updated_at)
          SELECT
            CASE WHEN g <= ? THEN 'bench-heavy' ELSE 'bench-user-' || (g % ?) END,
            v.verbs[1 + floor(random() * 24)::int] || ' ' || v.objects[floor(power(40.999, random()))::int]
              || CASE WHEN random() < 0.6 THEN ' for ' || v.names[floor(power(30.999, random()))::int] ELSE '' END,
            CASE WHEN random() < 0.7 THEN 'Remember to ' || lower(v.verbs[1 + floor(random() * 24)::int]) || ' '
              || v.objects[floor(power(40.999, random()))::int] || ' with ' || v.names[1 + floor(random() * 30)::int]
              || ' before the ' || v.objects[floor(power(40.999, random()))::int] || '. Ref kw'
              || floor(random() * 50000)::int END,
            (ARRAY['low','medium','medium','high'])[1 + floor(random() * 4)::int],
            CASE WHEN random() < 0.8 THEN v.categories[1 + floor(random() * 8)::int] END,
            CASE WHEN random() < 0.5 THEN ARRAY[v.tags[1 + floor(random() * 10)::int]] ELSE '{}' END,
            CASE WHEN random() < 0.85 THEN now() + (random() * 60 - 10) * interval '1 day' END,
            'UTC', 60, true,
            g % 5 = 0, CASE WHEN g % 5 = 0 THEN now() - random() * interval '30 days' END,
            now() - interval '40 days', now() - interval '40 days'
          FROM generate_series(1, ?) g, v
          """)) {
        insert.setInt(1, HEAVY_TASKS);
        insert.setInt(2, users - 1);
        insert.setInt(3, tasks);
        insert.executeUpdate();
      }
      Bench.log("  rows inserted after %.0f s; building the per-user word dictionary", secondsSince(started));
      sql.execute("INSERT INTO search_terms (user_id, word, tasks)"
          + " SELECT user_id, w, count(*) FROM tasks, unnest(taskflow_words(title, description, category, tags)) w"
          + " GROUP BY 1, 2");
      sql.execute("ALTER TABLE tasks ENABLE TRIGGER tasks_search_terms_insert_delete");
      sql.execute("VACUUM ANALYZE tasks");
      sql.execute("VACUUM ANALYZE search_terms");
      try (PreparedStatement done = db.prepareStatement("INSERT INTO bench_dataset VALUES (?, ?, now())")) {
        done.setInt(1, tasks);
        done.setInt(2, users);
        done.executeUpdate();
      }
      Bench.log("  seeded in %.0f s", secondsSince(started));
    }
  }

  /**
   * Removes what a run added (the tasks of its own "run-" users, pgbench's included, and published
   * events), keeping the seeded set as it was. Those users go entirely, so their dictionary rows go
   * with them in one statement rather than through the per-row trigger (minutes for 50k rows).
   */
  static void tidy(Connection db) throws SQLException {
    try (Statement sql = db.createStatement()) {
      sql.execute("ALTER TABLE tasks DISABLE TRIGGER tasks_search_terms_insert_delete");
      try {
        sql.execute("DELETE FROM tasks WHERE user_id LIKE 'run-%'");
        sql.execute("DELETE FROM search_terms WHERE user_id LIKE 'run-%'");
      } finally {
        sql.execute("ALTER TABLE tasks ENABLE TRIGGER tasks_search_terms_insert_delete");
      }
      sql.execute("DELETE FROM outbox_event WHERE published_at IS NOT NULL");
      sql.execute("DELETE FROM processed_event");
    }
  }

  static double secondsSince(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }
}
