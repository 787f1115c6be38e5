package dev.taskflow.task;

import java.time.Instant;
import java.util.List;

/**
 * The writable state of a task after validation: what a create carries, or what a merge patch
 * leaves after it is applied to the current task. An all-day task ({@code allDay}) is due on a
 * date: {@code dueDate} is the start of that day in {@code timeZone}.
 */
public record TaskDraft(
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
    boolean allDay) {

  public TaskDraft {
    tags = List.copyOf(tags);
    if (allDay && dueDate == null) {
      throw new IllegalArgumentException("an all-day task needs its day");
    }
  }

  /** A task due at a moment (or not due), not all day. */
  public TaskDraft(String title, String description, Priority priority, String category, List<String> tags,
      Instant dueDate, String timeZone, String recurrenceRule, RepeatFrom repeatFrom, int remindBeforeMinutes,
      boolean completed) {
    this(title, description, priority, category, tags, dueDate, timeZone, recurrenceRule, repeatFrom,
        remindBeforeMinutes, completed, false);
  }
}
