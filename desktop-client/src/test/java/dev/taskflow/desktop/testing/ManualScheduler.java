package dev.taskflow.desktop.testing;

import dev.taskflow.desktop.ui.UiScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A scheduler whose time moves only when the test says: {@link #advance(Duration)}. */
public final class ManualScheduler implements UiScheduler {

  private final class Pending implements Cancellable {
    final Duration at;
    final Runnable action;
    boolean cancelled;

    Pending(Duration at, Runnable action) {
      this.at = at;
      this.action = action;
    }

    @Override
    public void cancel() {
      cancelled = true;
      pending.remove(this);
    }
  }

  private final List<Pending> pending = new ArrayList<>();
  private Duration now = Duration.ZERO;

  @Override
  public Cancellable schedule(Duration delay, Runnable action) {
    Pending p = new Pending(now.plus(delay), action);
    pending.add(p);
    return p;
  }

  @Override
  public void runOnUi(Runnable action) {
    action.run();
  }

  public void advance(Duration by) {
    Duration until = now.plus(by);
    while (true) {
      Pending next = pending.stream().filter(p -> p.at.compareTo(until) <= 0)
          .min(Comparator.comparing(p -> p.at)).orElse(null);
      if (next == null) {
        break;
      }
      pending.remove(next);
      now = next.at;
      if (!next.cancelled) {
        next.action.run();
      }
    }
    now = until;
  }

  public int pendingCount() {
    return pending.size();
  }
}
