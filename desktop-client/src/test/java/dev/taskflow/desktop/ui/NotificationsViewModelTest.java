package dev.taskflow.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskflow.desktop.live.Reminder;
import dev.taskflow.desktop.task.Task;
import dev.taskflow.desktop.testing.Drafts;
import dev.taskflow.desktop.testing.FakeTaskApi;
import dev.taskflow.desktop.testing.ManualScheduler;
import dev.taskflow.desktop.testing.SyncRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationsViewModelTest {

  static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final FakeTaskApi api = new FakeTaskApi(clock);
  final SyncRunner runner = new SyncRunner();
  final ManualScheduler scheduler = new ManualScheduler();
  TaskListViewModel tasks;
  NotificationsViewModel model;

  @BeforeEach
  void setUp() {
    ConnectionViewModel connection = new ConnectionViewModel(api, runner, scheduler, "http://fake");
    tasks = new TaskListViewModel(api, runner, scheduler, connection, clock);
    model = new NotificationsViewModel(api, runner, scheduler, tasks, connection, clock);
  }

  private Reminder reminderFor(String title, int minutes) {
    Task task = api.add(Drafts.due(title, NOW.plus(Duration.ofMinutes(minutes))), false);
    return new Reminder("event-" + task.id(), task, minutes);
  }

  @Test
  void aReminderBecomesAToastAndANotification() {
    Reminder reminder = reminderFor("Call the dentist", 30);

    model.onReminder(reminder);

    assertThat(model.toasts()).containsExactly(reminder);
    assertThat(model.notifications()).containsExactly(reminder);
    assertThat(reminder.headline()).isEqualTo("Due in 30 minutes");
    assertThat(tasks.visibleTasks()).extracting(Task::title).containsExactly("Call the dentist");
  }

  @Test
  void theSameEventTwiceShowsOnce() {
    Reminder reminder = reminderFor("Call the dentist", 30);
    model.onReminder(reminder);
    model.onReminder(reminder);
    assertThat(model.toasts()).hasSize(1);
    assertThat(model.notifications()).hasSize(1);
  }

  @Test
  void atMostThreeToastsNewestFirstAndEachFadesAfterAWhile() {
    List<Reminder> reminders = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      reminders.add(reminderFor("task " + i, 10 * i));
      model.onReminder(reminders.get(i - 1));
      scheduler.advance(Duration.ofSeconds(1));
    }
    assertThat(model.toasts()).extracting(r -> r.task().title()).containsExactly("task 4", "task 3", "task 2");
    assertThat(model.notifications()).hasSize(4);

    scheduler.advance(NotificationsViewModel.TOAST_VISIBLE);

    assertThat(model.toasts()).isEmpty();
    assertThat(model.notifications()).hasSize(4);
  }

  @Test
  void snoozeShortensTheLeadTimeSoTheServerRemindsAgainInTenMinutes() {
    Reminder reminder = reminderFor("Standup", 30);
    model.onReminder(reminder);

    model.snooze(reminder);

    assertThat(api.calls).contains("remindBefore " + reminder.task().id() + " 20");
    assertThat(model.toasts()).isEmpty();
    assertThat(model.messageProperty().get()).isEqualTo("Snoozed: reminds again in 10 minutes");
  }

  @Test
  void snoozeCloseToTheDueTimeRemindsAtTheDueTime() {
    Reminder reminder = reminderFor("Leave for the train", 6);
    model.snooze(reminder);
    assertThat(api.calls).contains("remindBefore " + reminder.task().id() + " 0");
    assertThat(model.messageProperty().get()).contains("when \"Leave for the train\" is due");
  }

  @Test
  void completeFromTheToastCompletesTheTask() {
    Reminder reminder = reminderFor("Submit report", 15);
    model.onReminder(reminder);

    model.complete(reminder);

    assertThat(api.calls).contains("complete " + reminder.task().id());
    assertThat(model.toasts()).isEmpty();
    assertThat(tasks.visibleTasks()).isEmpty();
  }

  @Test
  void openHandsTheTaskToTheView() {
    Reminder reminder = reminderFor("Book flights", 45);
    List<Task> opened = new ArrayList<>();
    model.setOnOpen(opened::add);
    model.onReminder(reminder);

    model.open(reminder);

    assertThat(opened).containsExactly(reminder.task());
    assertThat(model.toasts()).isEmpty();
  }

  @Test
  void aFailedSnoozeSaysWhy() {
    Reminder reminder = reminderFor("Standup", 30);
    api.setDown(true);
    model.snooze(reminder);
    assertThat(model.messageProperty().get()).startsWith("Could not snooze").contains("unreachable");
  }
}
