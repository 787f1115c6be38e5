package dev.taskflow.desktop.task;

import java.time.Instant;
import java.util.List;

/**
 * A task as the API answers it (docs/API.md); {@code rank} is set only on search results. An
 * all-day task ({@code allDay}) is due on a date: {@code dueDate} is the start of that day in its
 * {@code timeZone}.
 */
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
    Double rank,
    boolean allDay) {

  public Task {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** A task due at a moment, or not due. */
  public Task(long id, String title, String description, Priority priority, String category, List<String> tags,
      Instant dueDate, String timeZone, String recurrenceRule, RepeatFrom repeatFrom, int remindBeforeMinutes,
      boolean completed, Instant completedAt, boolean reminderSent, Long seriesId, Instant createdAt, Instant updatedAt,
      Double rank) {
    this(id, title, description, priority, category, tags, dueDate, timeZone, recurrenceRule, repeatFrom,
        remindBeforeMinutes, completed, completedAt, reminderSent, seriesId, createdAt, updatedAt, rank, false);
  }

  public Task withRank(Double newRank) {
    return new Task(id, title, description, priority, category, tags, dueDate, timeZone, recurrenceRule, repeatFrom,
        remindBeforeMinutes, completed, completedAt, reminderSent, seriesId, createdAt, updatedAt, newRank, allDay);
  }

  /** The day an all-day task is due on (in its own zone); null for any other. */
  public java.time.LocalDate dueDay() {
    return allDay && dueDate != null ? java.time.LocalDate.ofInstant(dueDate, TaskJson.zone(timeZone)) : null;
  }

  public boolean isRecurring() {
    return recurrenceRule != null;
  }

  /** Past its due moment; an all-day task only once its day has ended. */
  public boolean isOverdue(Instant now) {
    if (completed || dueDate == null) {
      return false;
    }
    Instant deadline = allDay ? dueDay().plusDays(1).atStartOfDay(TaskJson.zone(timeZone)).toInstant() : dueDate;
    return deadline.isBefore(now);
  }

  /** True when {@code other} describes the same task at least as recently as this one. */
  public boolean isSupersededBy(Task other) {
    return other.updatedAt == null || updatedAt == null || !other.updatedAt.isBefore(updatedAt);
  }
}
