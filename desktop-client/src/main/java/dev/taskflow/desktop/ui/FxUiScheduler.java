package dev.taskflow.desktop.ui;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.PauseTransition;
import javafx.application.Platform;

/** {@link UiScheduler} on the FX thread: delays are {@link PauseTransition}s, hops are runLater. */
public final class FxUiScheduler implements UiScheduler {

  @Override
  public Cancellable schedule(Duration delay, Runnable action) {
    AtomicBoolean cancelled = new AtomicBoolean();
    PauseTransition[] pause = new PauseTransition[1];
    runOnUi(() -> {
      if (cancelled.get()) {
        return;
      }
      pause[0] = new PauseTransition(javafx.util.Duration.millis(Math.max(1, delay.toMillis())));
      pause[0].setOnFinished(event -> {
        if (!cancelled.get()) {
          action.run();
        }
      });
      pause[0].play();
    });
    return () -> {
      cancelled.set(true);
      runOnUi(() -> {
        if (pause[0] != null) {
          pause[0].stop();
        }
      });
    };
  }

  @Override
  public void runOnUi(Runnable action) {
    if (Platform.isFxApplicationThread()) {
      action.run();
    } else {
      Platform.runLater(action);
    }
  }
}
