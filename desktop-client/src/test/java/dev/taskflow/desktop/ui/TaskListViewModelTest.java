package dev.taskflow.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskflow.desktop.live.TaskChange;
import dev.taskflow.desktop.task.Task;
import dev.taskflow.desktop.task.TaskStatus;
import dev.taskflow.desktop.task.TaskView;
import dev.taskflow.desktop.testing.Drafts;
import dev.taskflow.desktop.testing.FakeTaskApi;
import dev.taskflow.desktop.testing.ManualScheduler;
import dev.taskflow.desktop.testing.SyncRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskListViewModelTest {

  static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final FakeTaskApi api = new FakeTaskApi(clock);
  final SyncRunner runner = new SyncRunner();
  final ManualScheduler scheduler = new ManualScheduler();
  ConnectionViewModel connection;
  TaskListViewModel model;

  @BeforeEach
  void setUp() {
    connection = new ConnectionViewModel(api, runner, scheduler, "http://fake");
    model = new TaskListViewModel(api, runner, scheduler, connection, clock);
    connection.setOnReconnected(model::reload);
  }

  private static String titles(TaskListViewModel model) {
    return String.join(",", model.visibleTasks().stream().map(Task::title).toList());
  }

  @Test
  void opensOnTheOpenTasksSortedByDueDateWithUndatedLast() {
    api.add(Drafts.due("undated", null), false);
    api.add(Drafts.due("next week", NOW.plus(Duration.ofDays(7))), false);
    api.add(Drafts.due("overdue", NOW.minus(Duration.ofHours(3))), false);
    api.add(Drafts.due("done", NOW), true);

    model.reload();

    assertThat(titles(model)).isEqualTo("overdue,next week,undated");
    assertThat(connection.restStateProperty().get()).isEqualTo(ConnectionViewModel.RestState.UP);
    assertThat(api.calls).containsExactly("list OPEN");
  }

  @Test
  void todayHoldsWhatIsOverdueOrDueBeforeMidnightAndUpcomingTheRest() {
    api.add(Drafts.due("overdue", NOW.minus(Duration.ofDays(2))), false);
    api.add(Drafts.due("tonight", Instant.parse("2026-11-27T23:30:00Z")), false);
    api.add(Drafts.due("tomorrow", Instant.parse("2026-11-28T00:00:00Z")), false);
    api.add(Drafts.due("undated", null), false);
    model.reload();

    model.viewProperty().set(TaskView.TODAY);
    assertThat(titles(model)).isEqualTo("overdue,tonight");
    model.viewProperty().set(TaskView.UPCOMING);
    assertThat(titles(model)).isEqualTo("tomorrow");
    assertThat(model.counts()).containsEntry(TaskView.OPEN, 4).containsEntry(TaskView.TODAY, 2)
        .containsEntry(TaskView.UPCOMING, 1);
  }

  @Test
  void completedTasksAreLoadedWhenTheirViewIsFirstOpened() {
    api.add(Drafts.due("open", NOW), false);
    api.add(Drafts.due("finished", NOW), true);
    model.reload();
    assertThat(api.count("list COMPLETED")).isZero();

    model.viewProperty().set(TaskView.COMPLETED);

    assertThat(titles(model)).isEqualTo("finished");
    assertThat(api.count("list COMPLETED")).isEqualTo(1);
    model.viewProperty().set(TaskView.OPEN);
    model.viewProperty().set(TaskView.COMPLETED);
    assertThat(api.count("list COMPLETED")).isEqualTo(1);
  }

  @Test
  void searchWaitsForTypingToPauseAndSendsOneQuery() {
    api.add(Drafts.due("Team meeting", NOW), false);
    api.add(Drafts.due("Water plants", NOW), false);
    model.reload();

    model.searchTextProperty().set("m");
    scheduler.advance(Duration.ofMillis(100));
    model.searchTextProperty().set("me");
    scheduler.advance(Duration.ofMillis(100));
    model.searchTextProperty().set("meet");
    assertThat(api.count("search")).isZero();

    scheduler.advance(TaskListViewModel.SEARCH_DEBOUNCE);

    assertThat(api.calls).filteredOn(c -> c.startsWith("search")).containsExactly("search meet");
    assertThat(titles(model)).isEqualTo("Team meeting");
    assertThat(model.searchQueryShownProperty().get()).isEqualTo("meet");
  }

  @Test
  void clearingTheSearchShowsTheViewAgainAndAnEmptyResultSaysSo() {
    api.add(Drafts.due("Team meeting", NOW), false);
    api.add(Drafts.due("Water plants", NOW), false);
    model.reload();

    model.searchTextProperty().set("nothing like it");
    scheduler.advance(TaskListViewModel.SEARCH_DEBOUNCE);
    assertThat(model.visibleTasks()).isEmpty();
    assertThat(model.messageProperty().get()).isEqualTo("No tasks match \"nothing like it\"");

    model.searchTextProperty().set("");
    assertThat(titles(model)).isEqualTo("Team meeting,Water plants");
  }

  @Test
  void aSlowAnswerToAnOlderQueryNeverReplacesTheNewerOne() {
    api.add(Drafts.due("alpha", NOW), false);
    api.add(Drafts.due("alphabet", NOW), false);
    model.reload();
    runner.defer();

    model.searchTextProperty().set("alpha");
    scheduler.advance(TaskListViewModel.SEARCH_DEBOUNCE);
    model.searchTextProperty().set("alphab");
    scheduler.advance(TaskListViewModel.SEARCH_DEBOUNCE);
    runner.releaseLast(); // "alphab" answers first
    runner.releaseFirst(); // then the stale "alpha"

    assertThat(titles(model)).isEqualTo("alphabet");
  }

  @Test
  void theStatusFilterAppliesToTheSearch() {
    api.add(Drafts.due("report draft", NOW), false);
    api.add(Drafts.due("report final", NOW), true);
    model.reload();

    model.searchStatusProperty().set(TaskStatus.COMPLETED);
    model.searchTextProperty().set("report");
    scheduler.advance(TaskListViewModel.SEARCH_DEBOUNCE);
    assertThat(titles(model)).isEqualTo("report final");

    model.searchStatusProperty().set(TaskStatus.ALL);
    scheduler.advance(TaskListViewModel.SEARCH_DEBOUNCE);
    assertThat(titles(model)).isEqualTo("report draft,report final");
  }

  @Test
  void liveEventsAddChangeAndRemoveTasksWithoutReloading() {
    Task first = api.add(Drafts.due("first", NOW.plusSeconds(60)), false);
    model.reload();
    Task created = api.add(Drafts.due("made elsewhere", NOW.plusSeconds(30)), false);

    model.onTaskChange(new TaskChange("e1", TaskChange.Kind.CREATED, created));
    assertThat(titles(model)).isEqualTo("made elsewhere,first");

    Task renamed = api.update(first.id(), dev.taskflow.desktop.task.TaskDraft.of(first));
    model.onTaskChange(new TaskChange("e2", TaskChange.Kind.COMPLETED, withCompleted(renamed)));
    assertThat(titles(model)).isEqualTo("made elsewhere");

    model.onTaskChange(new TaskChange("e3", TaskChange.Kind.DELETED, created));
    assertThat(model.visibleTasks()).isEmpty();
    assertThat(api.count("list")).isEqualTo(1);
  }

  @Test
  void anOlderVersionOfATaskNeverOverwritesANewerOne() {
    Task task = api.add(Drafts.due("v1", NOW), false);
    model.reload();
    Task newer = new Task(task.id(), "v2", null, task.priority(), null, task.tags(), task.dueDate(), "UTC", null,
        task.repeatFrom(), 60, false, null, false, null, task.createdAt(), NOW.plusSeconds(10), null);
    model.apply(newer);

    model.onTaskChange(new TaskChange("late", TaskChange.Kind.UPDATED, task));

    assertThat(titles(model)).isEqualTo("v2");
  }

  @Test
  void theCheckboxCompletesAndReopens() {
    Task task = api.add(Drafts.due("pay rent", NOW), false);
    model.reload();

    model.setCompleted(task, true);
    assertThat(api.calls).contains("complete " + task.id());
    assertThat(model.visibleTasks()).isEmpty();

    model.viewProperty().set(TaskView.COMPLETED);
    Task done = model.visibleTasks().get(0);
    model.setCompleted(done, false);
    assertThat(api.calls).contains("reopen " + task.id());
    assertThat(model.visibleTasks()).isEmpty();
    assertThat(model.counts()).containsEntry(TaskView.OPEN, 1);
  }

  @Test
  void deleteRemovesTheTask() {
    Task task = api.add(Drafts.due("old", NOW), false);
    model.reload();
    model.delete(task);
    assertThat(model.visibleTasks()).isEmpty();
    assertThat(api.calls).contains("delete " + task.id());
  }

  @Test
  void whenTheServerIsAwayItSaysSoRetriesAndReloadsWhenBack() {
    api.add(Drafts.due("survives", NOW), false);
    api.setDown(true);

    model.reload();
    assertThat(connection.restStateProperty().get()).isEqualTo(ConnectionViewModel.RestState.DOWN);
    assertThat(model.messageProperty().get()).contains("Could not load tasks").contains("unreachable");
    scheduler.advance(ConnectionViewModel.PROBE_EVERY);
    assertThat(api.count("ping")).isEqualTo(1);
    assertThat(connection.restStateProperty().get()).isEqualTo(ConnectionViewModel.RestState.DOWN);

    api.setDown(false);
    scheduler.advance(ConnectionViewModel.PROBE_EVERY);

    assertThat(connection.restStateProperty().get()).isEqualTo(ConnectionViewModel.RestState.UP);
    assertThat(titles(model)).isEqualTo("survives");
    assertThat(model.messageProperty().get()).isEmpty();
    assertThat(scheduler.pendingCount()).isZero();
  }

  @Test
  void aRejectedTokenIsReportedAndNotRetriedInALoop() {
    api.failNext(new dev.taskflow.desktop.api.ApiException(401, "Unauthorized", "Token expired", java.util.List.of()));
    model.reload();
    assertThat(connection.restStateProperty().get()).isEqualTo(ConnectionViewModel.RestState.UNAUTHORIZED);
    assertThat(connection.restTextProperty().get()).contains("./taskflow token");
    assertThat(scheduler.pendingCount()).isZero();
  }

  @Test
  void theViewsFollowTheClockAcrossMidnight() {
    dev.taskflow.desktop.testing.MutableClock moving =
        new dev.taskflow.desktop.testing.MutableClock(NOW, ZoneOffset.UTC);
    TaskListViewModel ticking = new TaskListViewModel(api, runner, scheduler, connection, moving);
    api.add(Drafts.due("tomorrow morning", Instant.parse("2026-11-28T09:00:00Z")), false);
    ticking.reload();
    ticking.viewProperty().set(TaskView.TODAY);
    assertThat(ticking.visibleTasks()).isEmpty();

    moving.advance(Duration.ofHours(15));
    ticking.tick();

    assertThat(titles(ticking)).isEqualTo("tomorrow morning");
    assertThat(ticking.counts()).containsEntry(TaskView.TODAY, 1).containsEntry(TaskView.UPCOMING, 0);
  }

  private static Task withCompleted(Task t) {
    return new Task(t.id(), t.title(), t.description(), t.priority(), t.category(), t.tags(), t.dueDate(),
        t.timeZone(), t.recurrenceRule(), t.repeatFrom(), t.remindBeforeMinutes(), true, NOW, t.reminderSent(),
        t.seriesId(), t.createdAt(), NOW.plusSeconds(5), null);
  }
}
