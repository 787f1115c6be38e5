package dev.taskflow.desktop.ui;

import dev.taskflow.desktop.api.TaskApi;
import dev.taskflow.desktop.live.LiveEvents;
import dev.taskflow.desktop.live.LiveStatus;
import dev.taskflow.desktop.live.Reminder;
import dev.taskflow.desktop.live.TaskChange;
import dev.taskflow.desktop.task.Task;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The main window's ViewModel: the task list, the notifications and the connection status, fed by
 * REST calls and by the live event stream (whose callbacks hop onto the UI thread here).
 */
public final class MainViewModel {

  private final TaskApi api;
  private final BackgroundRunner runner;
  private final UiScheduler scheduler;
  private final Clock clock;
  private final LiveEvents live;
  private final String user;
  private final ConnectionViewModel connection;
  private final TaskListViewModel tasks;
  private final NotificationsViewModel notifications;

  /** {@code live} may be null: no broker configured, the app works without live updates. */
  public MainViewModel(TaskApi api, LiveEvents live, BackgroundRunner runner, UiScheduler scheduler, Clock clock,
      String user, String serverUrl) {
    this.api = api;
    this.runner = runner;
    this.scheduler = scheduler;
    this.clock = clock;
    this.live = live;
    this.user = user;
    this.connection = new ConnectionViewModel(api, runner, scheduler, serverUrl);
    this.tasks = new TaskListViewModel(api, runner, scheduler, connection, clock);
    this.notifications = new NotificationsViewModel(api, runner, scheduler, tasks, connection, clock);
    connection.setOnReconnected(tasks::reload);
  }

  static final java.time.Duration TICK = java.time.Duration.ofMinutes(1);

  public void start() {
    tasks.reload();
    scheduleTick();
    if (live == null) {
      connection.liveStatus(LiveStatus.disabled());
      return;
    }
    live.start(new LiveEvents.Listener() {
      private boolean wasDown;

      @Override
      public void onReminder(Reminder reminder) {
        scheduler.runOnUi(() -> notifications.onReminder(reminder));
      }

      @Override
      public void onTaskChange(TaskChange change) {
        scheduler.runOnUi(() -> tasks.onTaskChange(change));
      }

      @Override
      public void onStatus(LiveStatus status) {
        scheduler.runOnUi(() -> {
          connection.liveStatus(status);
          if (status.state() == LiveStatus.State.DOWN) {
            wasDown = true;
          } else if (status.state() == LiveStatus.State.LIVE && wasDown) {
            wasDown = false;
            tasks.reload(); // cheap insurance after an outage
          }
        });
      }
    });
  }

  /** Overdue colours and the Today view follow the clock, also across midnight. */
  private void scheduleTick() {
    scheduler.schedule(TICK, () -> {
      tasks.tick();
      scheduleTick();
    });
  }

  public void stop() {
    if (live != null) {
      live.close();
    }
  }

  public TaskEditorViewModel editor(Task original) {
    return new TaskEditorViewModel(api, runner, scheduler, original, clock.getZone(), LocalDate.now(clock));
  }

  /** The editor saved a task: show it at once, without waiting for its event. */
  public void saved(Task task) {
    tasks.apply(task);
  }

  public String user() {
    return user;
  }

  public Clock clock() {
    return clock;
  }

  public ConnectionViewModel connection() {
    return connection;
  }

  public TaskListViewModel tasks() {
    return tasks;
  }

  public NotificationsViewModel notifications() {
    return notifications;
  }
}
