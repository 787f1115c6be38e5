package dev.taskflow.desktop.task;

import java.time.Instant;
import java.util.List;

/** A task as the API answers it (see API.md); {@code rank} is set only on search results. */
public record Task(
    long id,
    String title,
    String description,
    Priority priority,
    String category,
    List<String> tags,
    Instant dueDate,
    String timeZone,
    String recurrenceRule,
    RepeatFrom repeatFrom,
    int remindBeforeMinutes,
    boolean completed,
    Instant completedAt,
    boolean reminderSent,
    Long seriesId,
    Instant createdAt,
    Instant updatedAt,
    Double rank) {

  public Task {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public Task withRank(Double newRank) {
    return new Task(id, title, description, priority, category, tags, dueDate, timeZone, recurrenceRule, repeatFrom,
        remindBeforeMinutes, completed, completedAt, reminderSent, seriesId, createdAt, updatedAt, newRank);
  }

  public boolean isRecurring() {
    return recurrenceRule != null;
  }

  public boolean isOverdue(Instant now) {
    return !completed && dueDate != null && dueDate.isBefore(now);
  }

  /** True when {@code other} describes the same task at least as recently as this one. */
  public boolean isSupersededBy(Task other) {
    return other.updatedAt == null || updatedAt == null || !other.updatedAt.isBefore(updatedAt);
  }
}
