package dev.taskflow.desktop.testing;

import dev.taskflow.desktop.live.LiveEvents;
import dev.taskflow.desktop.live.LiveStatus;
import dev.taskflow.desktop.live.Reminder;
import dev.taskflow.desktop.live.TaskChange;

/** A live event source the test drives by hand (the Kafka consumer is tested on the real broker). */
public final class FakeLiveEvents implements LiveEvents {

  private volatile Listener listener;
  public volatile boolean closed;

  @Override
  public void start(Listener listener) {
    this.listener = listener;
    listener.onStatus(LiveStatus.live("fake:9092"));
  }

  public void emit(Reminder reminder) {
    listener.onReminder(reminder);
  }

  public void emit(TaskChange change) {
    listener.onTaskChange(change);
  }

  public void emit(LiveStatus status) {
    listener.onStatus(status);
  }

  @Override
  public void close() {
    closed = true;
  }
}
