package dev.taskflow.desktop.task;

import java.time.Instant;
import java.util.List;

/** What the editor sends: every writable field of a task ({@code allDay}: due on a date, see Task). */
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
    boolean allDay) {

  public TaskDraft {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** A draft due at a moment, or not due. */
  public TaskDraft(String title, String description, Priority priority, String category, List<String> tags,
      Instant dueDate, String timeZone, String recurrenceRule, RepeatFrom repeatFrom, int remindBeforeMinutes) {
    this(title, description, priority, category, tags, dueDate, timeZone, recurrenceRule, repeatFrom,
        remindBeforeMinutes, false);
  }

  public static TaskDraft of(Task task) {
    return new TaskDraft(task.title(), task.description(), task.priority(), task.category(), task.tags(),
        task.dueDate(), task.timeZone(), task.recurrenceRule(), task.repeatFrom(),
        task.remindBeforeMinutes(), task.allDay());
  }
}
