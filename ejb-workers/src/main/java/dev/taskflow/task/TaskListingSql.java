package dev.taskflow.task;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of a listing: the user's tasks that pass the filters, in the query's order, from where
 * the cursor left off (keyset paging: a page costs the same wherever it starts, and a task
 * created or deleted meanwhile neither repeats nor hides another).
 *
 * <p>Each order is a list of keys compared lexicographically, the task id last. A nullable key
 * (the due date) sorts its nulls last in both directions: it is compared as two keys, "is null"
 * ascending, then the value. The ORDER BY for the default order is {@code due_date ASC NULLS
 * LAST, id ASC}, which the index {@code tasks_user_list_idx} serves without sorting.
 */
final class TaskListingSql {

  static final String PRIORITY_RANK = "(CASE t.priority WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END)";

  /**
   * The columns {@link Task} maps, no more: {@code t.*} would also carry the search vector (as
   * long as the text it indexes) and the generated reminder time to every listing.
   */
  static final String COLUMNS = "t.id, t.user_id, t.title, t.description, t.priority, t.category, t.tags, t.due_date,"
      + " t.all_day, t.time_zone, t.recurrence_rule, t.repeat_from, t.remind_before_minutes, t.reminder_sent,"
      + " t.completed, t.completed_at, t.series_id, t.series_start, t.occurrence_index, t.successor_id,"
      + " t.created_at, t.updated_at, t.version";

  /** One sort key: a column or expression, its direction, whether it can be null. */
  private record Key(String sql, boolean descending, boolean nullable) {}

  private final List<Object> parameters = new ArrayList<>();
  private final StringBuilder where = new StringBuilder("t.user_id = ?1");

  private TaskListingSql(String userId) {
    parameters.add(userId);
  }

  /** The page's rows (one more than the limit, to know whether another page follows). */
  static Statement page(String userId, TaskQuery query) {
    TaskListingSql sql = new TaskListingSql(userId);
    sql.filters(query);
    List<Key> keys = keys(query.sort());
    if (query.after() != null) {
      sql.where.append(" AND ").append(sql.after(keys, values(query.sort(), query.after())));
    }
    StringBuilder order = new StringBuilder();
    for (Key key : keys) {
      order.append(order.isEmpty() ? "" : ", ").append(key.sql()).append(key.descending() ? " DESC" : " ASC");
      if (key.nullable()) {
        order.append(" NULLS LAST");
      }
    }
    String text = "SELECT " + COLUMNS + " FROM tasks t WHERE " + sql.where + " ORDER BY " + order + " LIMIT " + (query.limit() + 1);
    return new Statement(text, List.copyOf(sql.parameters));
  }

  /** How many tasks pass the filters, on every page together. */
  static Statement count(String userId, TaskQuery query) {
    TaskListingSql sql = new TaskListingSql(userId);
    sql.filters(query);
    return new Statement("SELECT count(*) FROM tasks t WHERE " + sql.where, List.copyOf(sql.parameters));
  }

  /** SQL with positional parameters ?1, ?2... and their values in order. */
  record Statement(String sql, List<Object> parameters) {}

  private void filters(TaskQuery query) {
    switch (query.status()) {
      case OPEN -> where.append(" AND t.completed = false");
      case COMPLETED -> where.append(" AND t.completed = true");
      case ALL -> { }
    }
    if (!query.tags().isEmpty()) {
      where.append(" AND t.tags @> CAST(").append(parameter(query.tags().toArray(String[]::new))).append(" AS text[])");
    }
    if (query.category() != null) {
      where.append(" AND t.category = ").append(parameter(query.category()));
    }
    if (!query.priorities().isEmpty()) {
      String[] names = query.priorities().stream().map(Priority::wireName).sorted().toArray(String[]::new);
      where.append(" AND t.priority = ANY (CAST(").append(parameter(names)).append(" AS text[]))");
    }
    if (query.dueAfter() != null) {
      where.append(" AND t.due_date >= ").append(parameter(timestamp(query.dueAfter())));
    }
    if (query.dueBefore() != null) {
      where.append(" AND t.due_date < ").append(parameter(timestamp(query.dueBefore())));
    }
  }

  private static List<Key> keys(TaskSort sort) {
    Key due = new Key("t.due_date", false, true);
    Key id = new Key("t.id", false, false);
    Key idDown = new Key("t.id", true, false);
    return switch (sort) {
      case DUE -> List.of(due, id);
      case DUE_DESCENDING -> List.of(new Key("t.due_date", true, true), idDown);
      case PRIORITY -> List.of(new Key(PRIORITY_RANK, false, false), due, id);
      case PRIORITY_DESCENDING -> List.of(new Key(PRIORITY_RANK, true, false), due, id);
      case CREATED -> List.of(new Key("t.created_at", false, false), id);
      case CREATED_DESCENDING -> List.of(new Key("t.created_at", true, false), idDown);
      case UPDATED -> List.of(new Key("t.updated_at", false, false), id);
      case UPDATED_DESCENDING -> List.of(new Key("t.updated_at", true, false), idDown);
    };
  }

  /** The cursor's value of each key of {@code sort}, in the order of {@link #keys}. */
  private static List<Object> values(TaskSort sort, TaskCursor at) {
    Object due = at.due() == null ? null : timestamp(at.due());
    return switch (sort) {
      case DUE, DUE_DESCENDING -> java.util.Arrays.asList(due, at.id());
      case PRIORITY, PRIORITY_DESCENDING -> java.util.Arrays.asList(at.priorityRank(), due, at.id());
      case CREATED, CREATED_DESCENDING -> List.of(timestamp(at.created()), at.id());
      case UPDATED, UPDATED_DESCENDING -> List.of(timestamp(at.updated()), at.id());
    };
  }

  /**
   * "Comes after the cursor" for lexicographic keys k1..kn with values v1..vn: k1 after v1, or k1
   * equal and k2 after v2, and so on. A nullable key is two keys: nullness (non-null first), then
   * the value, compared only when both are non-null.
   */
  private String after(List<Key> keys, List<Object> values) {
    List<String> equalSoFar = new ArrayList<>();
    List<String> alternatives = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      Key key = keys.get(i);
      Object value = values.get(i);
      if (key.nullable()) {
        if (value == null) {
          // the cursor is among the nulls (last): only nulls can follow, compared by later keys
          equalSoFar.add(key.sql() + " IS NULL");
        } else {
          String v = parameter(value);
          alternatives.add(conjunction(equalSoFar, key.sql() + (key.descending() ? " < " : " > ") + v
              + " OR " + key.sql() + " IS NULL"));
          equalSoFar.add(key.sql() + " = " + v);
        }
      } else {
        String v = parameter(value);
        alternatives.add(conjunction(equalSoFar, key.sql() + (key.descending() ? " < " : " > ") + v));
        equalSoFar.add(key.sql() + " = " + v);
      }
    }
    return "(" + String.join(" OR ", alternatives) + ")";
  }

  private static String conjunction(List<String> equal, String last) {
    List<String> terms = new ArrayList<>(equal);
    terms.add("(" + last + ")");
    return "(" + String.join(" AND ", terms) + ")";
  }

  private String parameter(Object value) {
    parameters.add(value);
    return "?" + parameters.size();
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
