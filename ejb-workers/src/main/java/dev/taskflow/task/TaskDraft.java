package dev.taskflow.task;

import java.time.Instant;
import java.util.List;

/**
 * The writable state of a task after validation: what a create carries, or what a merge patch
 * leaves after it is applied to the current task.
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
    boolean completed) {

  public TaskDraft {
    tags = List.copyOf(tags);
  }
}
