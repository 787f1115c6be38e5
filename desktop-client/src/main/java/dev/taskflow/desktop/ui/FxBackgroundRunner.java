package dev.taskflow.desktop.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/** {@link BackgroundRunner} on a small daemon pool; outcomes arrive on the FX thread. */
public final class FxBackgroundRunner implements BackgroundRunner, AutoCloseable {

  private final AtomicInteger threads = new AtomicInteger();
  private final ExecutorService executor = Executors.newFixedThreadPool(3, runnable -> {
    Thread thread = new Thread(runnable, "taskflow-background-" + threads.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  });

  @Override
  public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    Task<T> task = new Task<>() {
      @Override
      protected T call() throws Exception {
        return work.call();
      }
    };
    task.setOnSucceeded(event -> onSuccess.accept(task.getValue()));
    task.setOnFailed(event -> onFailure.accept(task.getException()));
    try {
      executor.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Closed: the window is going away, and late work (a debounced search, a reload) has no one to show it to.
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
