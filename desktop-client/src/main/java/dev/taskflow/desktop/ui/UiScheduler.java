package dev.taskflow.desktop.ui;

import java.time.Duration;

/** Time and thread hops for ViewModels: delayed actions (debounce, retry) and background-to-UI. */
public interface UiScheduler {

  interface Cancellable {
    void cancel();
  }

  /** Runs {@code action} on the UI thread after {@code delay}. */
  Cancellable schedule(Duration delay, Runnable action);

  /** Runs {@code action} on the UI thread, soon. Safe from any thread. */
  void runOnUi(Runnable action);
}
