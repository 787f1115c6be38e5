package dev.taskflow.desktop.testing;

import dev.taskflow.desktop.task.Priority;
import dev.taskflow.desktop.task.RepeatFrom;
import dev.taskflow.desktop.task.TaskDraft;
import java.time.Instant;
import java.util.List;

/** Short ways to write drafts in tests. */
public final class Drafts {

  private Drafts() {}

  public static TaskDraft due(String title, Instant due) {
    return new TaskDraft(title, null, Priority.MEDIUM, null, List.of(), due, "UTC", null, RepeatFrom.DUE, 60);
  }

  public static TaskDraft full(String title, Instant due, Priority priority, String category, List<String> tags) {
    return new TaskDraft(title, null, priority, category, tags, due, "UTC", null, RepeatFrom.DUE, 60);
  }
}
