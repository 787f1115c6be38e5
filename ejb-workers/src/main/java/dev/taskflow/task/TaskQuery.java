package dev.taskflow.task;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a listing asks for: which of the user's tasks (status, every one of {@code tags}, {@code
 * category}, any of {@code priorities}, due in [{@code dueAfter}, {@code dueBefore})), in which
 * order, how many, and from where ({@code after}: the position a previous page ended at, or null).
 */
public record TaskQuery(
    TaskStatus status,
    List<String> tags,
    String category,
    Set<Priority> priorities,
    Instant dueAfter,
    Instant dueBefore,
    TaskSort sort,
    int limit,
    TaskCursor after) {

  public TaskQuery {
    tags = List.copyOf(new TreeSet<>(tags));
    priorities = Set.copyOf(priorities);
  }

  /** The first {@code limit} tasks of a status in the default order. */
  public static TaskQuery of(TaskStatus status, int limit) {
    return new TaskQuery(status, List.of(), null, Set.of(), null, null, TaskSort.DUE, limit, null);
  }

  public TaskQuery after(TaskCursor cursor) {
    return new TaskQuery(status, tags, category, priorities, dueAfter, dueBefore, sort, limit, cursor);
  }

  /**
   * The filters and order in a canonical form: a cursor carries a digest of it, so that one
   * cannot continue a listing with other filters (it would skip or repeat tasks).
   */
  String shape() {
    return String.join(
        "\n",
        status.name(),
        String.join("\u0000", tags),
        String.valueOf(category),
        new TreeSet<>(priorities.stream().map(Priority::wireName).toList()).toString(),
        String.valueOf(dueAfter),
        String.valueOf(dueBefore),
        sort.wireName());
  }
}
