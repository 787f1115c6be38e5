package dev.taskflow.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SQL a listing runs; that it returns the right rows is FindAndPageIT's, on PostgreSQL. */
class TaskListingSqlTest {

  private static final Instant DUE = Instant.parse("2030-01-05T08:00:00Z");
  private static final Instant CREATED = Instant.parse("2029-12-01T10:00:00Z");

  @Test
  void theDefaultListingIsTheIndexOrderWithoutParameters() {
    TaskListingSql.Statement page = TaskListingSql.page("alice", TaskQuery.of(TaskStatus.OPEN, 50));

    assertThat(page.sql()).isEqualTo("SELECT " + TaskListingSql.COLUMNS + " FROM tasks t WHERE t.user_id = ?1 AND t.completed = false"
        + " ORDER BY t.due_date ASC NULLS LAST, t.id ASC LIMIT 51");
    assertThat(page.parameters()).containsExactly("alice");
  }

  @Test
  void filtersAreParametersNeverText() {
    TaskQuery query = new TaskQuery(TaskStatus.ALL, List.of("home", "x'); DROP TABLE tasks; --"), "errands",
        Set.of(Priority.HIGH, Priority.LOW), DUE, DUE.plusSeconds(3600), TaskSort.DUE, 10, null);

    TaskListingSql.Statement page = TaskListingSql.page("alice", query);

    assertThat(page.sql()).doesNotContain("DROP", "errands", "high").contains(
        "t.tags @> CAST(?2 AS text[])", "t.category = ?3", "t.priority = ANY (CAST(?4 AS text[]))",
        "t.due_date >= ?5", "t.due_date < ?6");
    assertThat(page.parameters().get(3)).isEqualTo(new String[] {"high", "low"});
    assertThat(TaskListingSql.count("alice", query).sql()).startsWith("SELECT count(*) FROM tasks t WHERE").doesNotContain("ORDER");
  }

  @Test
  void aCursorAmongDatedTasksAlsoLetsTheUndatedOnesFollow() {
    TaskQuery query = TaskQuery.of(TaskStatus.OPEN, 5);
    TaskCursor at = new TaskCursor("s", DUE, 1, CREATED, CREATED, 42);

    TaskListingSql.Statement page = TaskListingSql.page("alice", query.after(at));

    assertThat(page.sql()).contains("AND (((t.due_date > ?2 OR t.due_date IS NULL)) OR (t.due_date = ?2 AND (t.id > ?3)))");
    assertThat(page.parameters()).containsExactly("alice", OffsetDateTime.parse("2030-01-05T08:00:00Z"), 42L);
  }

  @Test
  void aCursorAmongTheUndatedComparesOnlyLaterKeys() {
    TaskQuery query = new TaskQuery(TaskStatus.OPEN, List.of(), null, Set.of(), null, null, TaskSort.PRIORITY_DESCENDING,
        5, null);
    TaskCursor at = new TaskCursor("s", null, 2, CREATED, CREATED, 42);

    TaskListingSql.Statement page = TaskListingSql.page("alice", query.after(at));

    assertThat(page.sql()).contains("ORDER BY " + TaskListingSql.PRIORITY_RANK + " DESC, t.due_date ASC NULLS LAST, t.id ASC")
        .contains("((" + TaskListingSql.PRIORITY_RANK + " < ?2)) OR (" + TaskListingSql.PRIORITY_RANK
            + " = ?2 AND t.due_date IS NULL AND (t.id > ?3))");
    assertThat(page.parameters()).containsExactly("alice", 2, 42L);
  }

  @Test
  void descendingOrdersCompareDownwards() {
    TaskQuery query = new TaskQuery(TaskStatus.OPEN, List.of(), null, Set.of(), null, null, TaskSort.CREATED_DESCENDING,
        5, null);

    String sql = TaskListingSql.page("alice", query.after(new TaskCursor("s", null, 0, CREATED, CREATED, 7))).sql();

    assertThat(sql).contains("((t.created_at < ?2)) OR (t.created_at = ?2 AND (t.id < ?3))")
        .endsWith("ORDER BY t.created_at DESC, t.id DESC LIMIT 6");
  }
}
