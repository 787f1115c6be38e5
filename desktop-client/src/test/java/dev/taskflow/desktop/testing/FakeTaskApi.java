package dev.taskflow.desktop.testing;

import dev.taskflow.desktop.api.ApiException;
import dev.taskflow.desktop.api.TaskApi;
import dev.taskflow.desktop.task.Task;
import dev.taskflow.desktop.task.TaskDraft;
import dev.taskflow.desktop.task.TaskStatus;
import dev.taskflow.desktop.task.TaskView;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory stand-in for the REST API, for ViewModel and UI tests of pure client logic (the
 * real HTTP client is tested against the real server in the integration tests). Records calls and
 * can play an unreachable server or a problem answer.
 */
public final class FakeTaskApi implements TaskApi {

  private final Map<Long, Task> tasks = new LinkedHashMap<>();
  private final Clock clock;
  private long nextId = 1;
  private volatile boolean down;
  private volatile ApiException nextFailure;
  public final List<String> calls = new CopyOnWriteArrayList<>();
  public volatile List<OffsetDateTime> previewAnswer = List.of();

  public FakeTaskApi(Clock clock) {
    this.clock = clock;
  }

  public synchronized Task add(TaskDraft draft, boolean completed) {
    long id = nextId++;
    Task task = new Task(id, draft.title(), draft.description(), draft.priority(), draft.category(), draft.tags(),
        draft.dueDate(), draft.timeZone(), draft.recurrenceRule(), draft.repeatFrom(), draft.remindBeforeMinutes(),
        completed, completed ? clock.instant() : null, false, draft.recurrenceRule() == null ? null : id,
        clock.instant(), clock.instant(), null);
    tasks.put(id, task);
    return task;
  }

  public void setDown(boolean down) {
    this.down = down;
  }

  public void failNext(ApiException failure) {
    this.nextFailure = failure;
  }

  private void check(String call) {
    calls.add(call);
    if (down) {
      throw ApiException.unreachable("http://fake", new java.net.ConnectException("refused"));
    }
    ApiException failure = nextFailure;
    if (failure != null) {
      nextFailure = null;
      throw failure;
    }
  }

  public long count(String prefix) {
    return calls.stream().filter(c -> c.startsWith(prefix)).count();
  }

  @Override
  public synchronized List<Task> list(TaskStatus status) {
    check("list " + status);
    return tasks.values().stream()
        .filter(t -> status == TaskStatus.ALL || t.completed() == (status == TaskStatus.COMPLETED))
        .sorted(TaskView.BY_DUE_DATE).toList();
  }

  @Override
  public synchronized Task get(long id) {
    check("get " + id);
    Task task = tasks.get(id);
    if (task == null) {
      throw new ApiException(404, "Not found", "No task " + id, List.of());
    }
    return task;
  }

  @Override
  public synchronized List<Task> search(String query, TaskStatus status, int limit) {
    check("search " + query);
    String needle = query.toLowerCase(Locale.ROOT);
    List<Task> found = new ArrayList<>();
    for (Task t : list(status)) {
      if (t.title().toLowerCase(Locale.ROOT).contains(needle)) {
        found.add(t.withRank(1.0 / (1 + found.size())));
      }
    }
    calls.remove(calls.size() - 1); // the inner list() call is not the client's
    return found;
  }


  @Override
  public synchronized Task create(TaskDraft draft) {
    check("create " + draft.title());
    return add(draft, false);
  }

  @Override
  public synchronized Task update(long id, TaskDraft draft) {
    check("update " + id);
    Task old = get(id);
    calls.remove(calls.size() - 1);
    Task task = new Task(id, draft.title(), draft.description(), draft.priority(), draft.category(), draft.tags(),
        draft.dueDate(), draft.timeZone(), draft.recurrenceRule(), draft.repeatFrom(), draft.remindBeforeMinutes(),
        old.completed(), old.completedAt(), false, old.seriesId(), old.createdAt(), clock.instant(), null);
    tasks.put(id, task);
    return task;
  }

  @Override
  public synchronized Task remindBefore(long id, int minutes) {
    check("remindBefore " + id + " " + minutes);
    Task t = tasks.get(id);
    Task task = new Task(id, t.title(), t.description(), t.priority(), t.category(), t.tags(), t.dueDate(),
        t.timeZone(), t.recurrenceRule(), t.repeatFrom(), minutes, t.completed(), t.completedAt(), false,
        t.seriesId(), t.createdAt(), clock.instant(), null);
    tasks.put(id, task);
    return task;
  }

  @Override
  public synchronized Task complete(long id) {
    check("complete " + id);
    return setCompleted(id, true);
  }

  @Override
  public synchronized Task reopen(long id) {
    check("reopen " + id);
    return setCompleted(id, false);
  }

  private Task setCompleted(long id, boolean completed) {
    Task t = tasks.get(id);
    Task task = new Task(id, t.title(), t.description(), t.priority(), t.category(), t.tags(), t.dueDate(),
        t.timeZone(), t.recurrenceRule(), t.repeatFrom(), t.remindBeforeMinutes(), completed,
        completed ? clock.instant() : null, t.reminderSent(), t.seriesId(), t.createdAt(), clock.instant(), null);
    tasks.put(id, task);
    return task;
  }

  @Override
  public synchronized void delete(long id) {
    check("delete " + id);
    if (tasks.remove(id) == null) {
      throw new ApiException(404, "Not found", "No task " + id, List.of());
    }
  }

  @Override
  public List<OffsetDateTime> previewRecurrence(String rule, LocalDateTime start, String timeZone, int count) {
    check("preview " + rule + " " + start + " " + ZoneId.of(timeZone) + " " + count);
    return previewAnswer;
  }

  @Override
  public void ping() {
    check("ping");
  }
}
