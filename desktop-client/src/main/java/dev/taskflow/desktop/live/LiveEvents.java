package dev.taskflow.desktop.live;

/** A source of live reminders and task changes for one user. Callbacks come on a background thread. */
public interface LiveEvents extends AutoCloseable {

  interface Listener {
    void onReminder(Reminder reminder);

    void onTaskChange(TaskChange change);

    void onStatus(LiveStatus status);
  }

  void start(Listener listener);

  @Override
  void close();
}
