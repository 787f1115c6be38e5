package dev.taskflow.desktop.api;

import dev.taskflow.desktop.task.Task;
import dev.taskflow.desktop.task.TaskDraft;
import dev.taskflow.desktop.task.TaskStatus;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

/** The Taskflow REST API as the client uses it. Blocking: call it off the FX thread. */
public interface TaskApi {

  /**
   * The tasks with the given status, page by page (cursor), up to a cap: open ones due soonest
   * first, completed ones most recently changed first.
   */
  List<Task> list(TaskStatus status);

  Task get(long id);

  /** Ranked matches, best first. */
  List<Task> search(String query, TaskStatus status, int limit);

  Task create(TaskDraft draft);

  /** Replaces every writable field with the draft's (a merge patch carrying all of them). */
  Task update(long id, TaskDraft draft);

  /** Sets the reminder lead time only; the server re-arms the reminder. */
  Task remindBefore(long id, int minutes);

  Task complete(long id);

  /** Marks a completed task open again. */
  Task reopen(long id);

  void delete(long id);

  List<OffsetDateTime> previewRecurrence(String rule, LocalDateTime start, String timeZone, int count);

  /** A cheap authenticated call: succeeds when the server can serve this user. */
  void ping();
}
