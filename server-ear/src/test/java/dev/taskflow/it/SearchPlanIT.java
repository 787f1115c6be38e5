package dev.taskflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search query's plan on a realistically sized table: 100,000 tasks of 901 users, one of them
 * owning 10,000, with Zipf-like word frequencies. The user filter and the text filter must be
 * served together by the composite GIN index, never by a scan of the table or of all users' rows.
 */
class SearchPlanIT {

  private static final String HEAVY = "plan-heavy-" + UUID.randomUUID();
  private static final String SEARCH =
      "SELECT t.id, 0.5 * ts_rank(t.search_vector, %1$s, 32)"
          + " + CASE WHEN ts_rank('{0,0,0,1}', t.search_vector, %1$s) > 0 THEN 0.5 ELSE 0 END AS rank"
          + " FROM tasks t WHERE t.user_id = '" + HEAVY + "' AND t.completed = false AND t.search_vector @@ %1$s"
          + " ORDER BY rank DESC, t.id DESC LIMIT 50";

  @BeforeAll
  static void aRealisticTable() throws Exception {
    try (Connection db = SchemaIT.connect(); Statement sql = db.createStatement()) {
      sql.execute(
          "INSERT INTO tasks (user_id, title, description, completed, completed_at)"
              + " SELECT CASE WHEN g <= 10000 THEN '" + HEAVY + "' ELSE 'plan-user-' || (g % 900) END,"
              + "   w[1 + floor(power(1040, random()))::int] || ' ' || w[1 + floor(power(1040, random()))::int] || ' '"
              + "     || w[1 + floor(power(1040, random()))::int],"
              + "   w[1 + floor(power(1040, random()))::int] || ' ' || w[1 + floor(power(1040, random()))::int] || ' '"
              + "     || w[1 + floor(power(1040, random()))::int] || ' ' || w[1 + floor(power(1040, random()))::int],"
              + "   g % 5 = 0, CASE WHEN g % 5 = 0 THEN now() END"
              + " FROM generate_series(1, 100000) g,"
              + "   (SELECT ARRAY['meeting','report','budget','call','email','review','plan','update','team','project',"
              + "     'client','invoice','order','buy','pay','fix','write','prepare','send','check','book','clean','schedule',"
              + "     'draft','design','test','deploy','release','notes','slides','agenda','contract','proposal','doctor',"
              + "     'dentist','groceries','birthday','gift','travel','flight'] || array_agg('term' || n) AS w"
              + "    FROM generate_series(1, 1000) n) v");
      sql.execute("ANALYZE tasks");
      sql.execute("ANALYZE search_terms");
    }
  }

  private static String plan(String tsquery) throws Exception {
    return explain(String.format(SEARCH, tsquery));
  }

  private static String explain(String query) throws Exception {
    StringBuilder plan = new StringBuilder();
    try (Connection db = SchemaIT.connect();
        Statement sql = db.createStatement();
        ResultSet rs = sql.executeQuery("EXPLAIN " + query)) {
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }

  @Test
  void aCommonWordUsesTheCompositeIndexForUserAndText() throws Exception {
    String plan = plan("websearch_to_tsquery('english', 'meeting')");

    assertThat(plan).as(plan).contains("tasks_search_idx").doesNotContain("Seq Scan");
    assertThat(plan).as("both conditions in the index").containsPattern("Index Cond: \\(\\(t?\\.?user_id = .*search_vector @@");
  }

  @Test
  void aRareWordAndAPhraseToo() throws Exception {
    for (String query : new String[] {"websearch_to_tsquery('english', 'term977')", "websearch_to_tsquery('english', '\"team meeting\"')"}) {
      String plan = plan(query);
      assertThat(plan).as(plan).contains("tasks_search_idx").doesNotContain("Seq Scan");
    }
  }

  @Test
  void prefixExpansionAndTypoLookupUseTheDictionaryIndexes() throws Exception {
    String prefix = explain("SELECT word FROM search_terms WHERE user_id = '" + HEAVY + "' AND word LIKE 'meet%' ORDER BY tasks DESC LIMIT 30");
    assertThat(prefix).as(prefix).doesNotContain("Seq Scan");
    String typo = explain("SELECT word FROM search_terms WHERE user_id = '" + HEAVY + "' AND word % 'meetnig' LIMIT 1");
    assertThat(typo).as(typo).doesNotContain("Seq Scan");
  }
}
