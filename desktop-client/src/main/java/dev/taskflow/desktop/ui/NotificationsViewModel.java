package dev.taskflow.desktop.ui;

import dev.taskflow.desktop.api.TaskApi;
import dev.taskflow.desktop.live.Reminder;
import dev.taskflow.desktop.task.Task;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Reminders as toasts (the newest few, each dismissed after a while) and as a notification list
 * (kept for the session). A toast offers Open, Complete and Snooze.
 */
public final class NotificationsViewModel {

  static final int MAX_TOASTS = 3;
  static final int MAX_NOTIFICATIONS = 200;
  static final Duration TOAST_VISIBLE = Duration.ofSeconds(30);
  public static final int SNOOZE_MINUTES = 10;

  private final TaskApi api;
  private final BackgroundRunner runner;
  private final UiScheduler scheduler;
  private final TaskListViewModel tasks;
  private final ConnectionViewModel connection;
  private final Clock clock;
  private final ObservableList<Reminder> toasts = FXCollections.observableArrayList();
  private final ObservableList<Reminder> notifications = FXCollections.observableArrayList();
  private final Map<String, UiScheduler.Cancellable> expiries = new HashMap<>();
  private final StringProperty message = new SimpleStringProperty("");
  private Consumer<Task> onOpen = task -> {};

  public NotificationsViewModel(TaskApi api, BackgroundRunner runner, UiScheduler scheduler, TaskListViewModel tasks,
      ConnectionViewModel connection, Clock clock) {
    this.api = api;
    this.runner = runner;
    this.scheduler = scheduler;
    this.tasks = tasks;
    this.connection = connection;
    this.clock = clock;
  }

  /** What "Open" does: the view opens the task's editor. */
  public void setOnOpen(Consumer<Task> onOpen) {
    this.onOpen = onOpen;
  }

  public void onReminder(Reminder reminder) {
    if (notifications.stream().anyMatch(r -> r.eventId().equals(reminder.eventId()))) {
      return;
    }
    tasks.apply(reminder.task());
    notifications.add(0, reminder);
    if (notifications.size() > MAX_NOTIFICATIONS) {
      notifications.remove(MAX_NOTIFICATIONS, notifications.size());
    }
    toasts.add(0, reminder);
    while (toasts.size() > MAX_TOASTS) {
      dismiss(toasts.get(toasts.size() - 1));
    }
    expiries.put(reminder.eventId(), scheduler.schedule(TOAST_VISIBLE, () -> dismiss(reminder)));
  }

  public void dismiss(Reminder reminder) {
    toasts.remove(reminder);
    UiScheduler.Cancellable expiry = expiries.remove(reminder.eventId());
    if (expiry != null) {
      expiry.cancel();
    }
  }

  public void open(Reminder reminder) {
    dismiss(reminder);
    onOpen.accept(reminder.task());
  }

  public void complete(Reminder reminder) {
    dismiss(reminder);
    tasks.setCompleted(reminder.task(), true);
  }

  /**
   * Reminds again in {@value #SNOOZE_MINUTES} minutes by shortening the task's reminder lead time:
   * the server re-arms the reminder, so the snooze holds across restarts and on every device.
   */
  public void snooze(Reminder reminder) {
    dismiss(reminder);
    Task task = reminder.task();
    if (task.dueDate() == null) {
      return;
    }
    long minutesLeft = Duration.between(clock.instant(), task.dueDate()).toMinutes();
    int lead = (int) Math.max(0, minutesLeft - SNOOZE_MINUTES);
    if (lead == task.remindBeforeMinutes()) {
      message.set("\"" + task.title() + "\" is due in " + Math.max(0, minutesLeft) + " minutes: no later reminder");
      return;
    }
    runner.run(() -> api.remindBefore(task.id(), lead), updated -> {
      connection.reachable();
      tasks.apply(updated);
      message.set(lead == 0 ? "Snoozed: reminds again when \"" + task.title() + "\" is due"
          : "Snoozed: reminds again in " + SNOOZE_MINUTES + " minutes");
    }, error -> {
      message.set("Could not snooze: " + connection.explain(error));
    });
  }

  public void clear() {
    notifications.clear();
  }

  public ObservableList<Reminder> toasts() {
    return toasts;
  }

  public ObservableList<Reminder> notifications() {
    return notifications;
  }

  public StringProperty messageProperty() {
    return message;
  }
}
