package dev.taskflow.desktop.ui;

import dev.taskflow.desktop.api.ApiException;
import dev.taskflow.desktop.api.TaskApi;
import dev.taskflow.desktop.live.LiveStatus;
import java.time.Duration;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The status bar: is the server reachable, is the live feed connected. When a call finds the server
 * away, it probes every few seconds and, once it answers, asks the app to reload.
 */
public final class ConnectionViewModel {

  public enum RestState { CONNECTING, UP, DOWN, UNAUTHORIZED }

  static final Duration PROBE_EVERY = Duration.ofSeconds(3);

  private final TaskApi api;
  private final BackgroundRunner runner;
  private final UiScheduler scheduler;
  private final String serverUrl;
  private final ObjectProperty<RestState> restState = new SimpleObjectProperty<>(RestState.CONNECTING);
  private final StringProperty restText = new SimpleStringProperty();
  private final ObjectProperty<LiveStatus> liveStatus = new SimpleObjectProperty<>(LiveStatus.disabled());
  private Runnable onReconnected = () -> {};
  private boolean probing;

  public ConnectionViewModel(TaskApi api, BackgroundRunner runner, UiScheduler scheduler, String serverUrl) {
    this.api = api;
    this.runner = runner;
    this.scheduler = scheduler;
    this.serverUrl = serverUrl;
    restText.set("Connecting to " + serverUrl + "…");
  }

  public void setOnReconnected(Runnable onReconnected) {
    this.onReconnected = onReconnected;
  }

  /** A call succeeded: the server is up. */
  public void reachable() {
    if (restState.get() != RestState.UP) {
      restState.set(RestState.UP);
      restText.set("Server: " + serverUrl);
    }
  }

  /**
   * Classifies a failed call. Answers true when it was a connection problem (already reported
   * here, and a reconnect is under way), false when the caller should show the error itself.
   */
  public boolean failed(Throwable error) {
    if (error instanceof ApiException api && api.status() == 401) {
      restState.set(RestState.UNAUTHORIZED);
      restText.set("Token rejected (expired?): get a new one with ./taskflow token <user> and restart");
      return true;
    }
    if (error instanceof ApiException api && api.isConnectionProblem()) {
      restState.set(RestState.DOWN);
      restText.set(api.status() == 0
          ? "Server unreachable at " + serverUrl + "; retrying"
          : "Server unavailable (HTTP " + api.status() + "); retrying");
      probeLater();
      return true;
    }
    return false;
  }

  /** Reports a failed call (see {@link #failed}) and says in a few words what went wrong. */
  public String explain(Throwable error) {
    return failed(error) ? restText.get() : error.getMessage();
  }

  private void probeLater() {
    if (probing) {
      return;
    }
    probing = true;
    scheduler.schedule(PROBE_EVERY, this::probe);
  }

  private void probe() {
    runner.run(() -> {
      api.ping();
      return Boolean.TRUE;
    }, ok -> {
      probing = false;
      reachable();
      onReconnected.run();
    }, error -> {
      probing = false;
      if (!failed(error)) {
        probeLater();
      }
    });
  }

  public void liveStatus(LiveStatus status) {
    liveStatus.set(status);
  }

  public ReadOnlyObjectProperty<RestState> restStateProperty() {
    return restState;
  }

  public ReadOnlyStringProperty restTextProperty() {
    return restText;
  }

  public ReadOnlyObjectProperty<LiveStatus> liveStatusProperty() {
    return liveStatus;
  }
}
