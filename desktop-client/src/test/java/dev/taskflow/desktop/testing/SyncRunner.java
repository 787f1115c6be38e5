package dev.taskflow.desktop.testing;

import dev.taskflow.desktop.ui.BackgroundRunner;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs background work on the calling thread, at once; or, when deferred, queues it until the test
 * releases it (to play out slow or out-of-order answers).
 */
public final class SyncRunner implements BackgroundRunner {

  private final Deque<Runnable> queued = new ArrayDeque<>();
  private boolean deferred;

  public void defer() {
    deferred = true;
  }

  public int queued() {
    return queued.size();
  }

  /** Completes the oldest queued job. */
  public void releaseFirst() {
    queued.removeFirst().run();
  }

  /** Completes the newest queued job. */
  public void releaseLast() {
    queued.removeLast().run();
  }

  @Override
  public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    Runnable job = () -> {
      T result;
      try {
        result = work.call();
      } catch (Exception e) {
        onFailure.accept(e);
        return;
      }
      onSuccess.accept(result);
    };
    if (deferred) {
      queued.addLast(job);
    } else {
      job.run();
    }
  }
}
