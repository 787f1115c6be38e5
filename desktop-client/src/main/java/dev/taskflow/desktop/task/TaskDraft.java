package dev.taskflow.desktop.task;

import java.time.Instant;
import java.util.List;

/** What the editor sends: every writable field of a task. */
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
    int remindBeforeMinutes) {

  public TaskDraft {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public static TaskDraft of(Task task) {
    return new TaskDraft(task.title(), task.description(), task.priority(), task.category(), task.tags(),
        task.dueDate(), task.timeZone(), task.recurrenceRule(), task.repeatFrom(),
        task.remindBeforeMinutes());
  }
}
