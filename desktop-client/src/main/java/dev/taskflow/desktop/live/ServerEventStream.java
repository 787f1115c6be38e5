package dev.taskflow.desktop.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * The default live source: the server's {@code GET /api/v1/events/stream} (server-sent events,
 * only the signed-in user's task changes and reminders, whichever device made them). Reconnects by
 * itself with {@code Last-Event-ID}, so what happened while it was away is delivered when it is
 * back. Needs nothing but the server and the token: no broker access, no other user's events.
 */
public final class ServerEventStream implements LiveEvents {

  private static final Duration MAX_BACKOFF = Duration.ofSeconds(15);

  private final URI streamUri;
  private final String token;
  private final EventParser parser;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();
  private volatile boolean running;
  private volatile Stream<String> open;
  private Thread thread;
  private String lastEventId;

  public ServerEventStream(URI serverUrl, String token, String userId) {
    String base = serverUrl.toString();
    this.streamUri = URI.create((base.endsWith("/") ? base : base + "/") + "api/v1/events/stream");
    this.token = token;
    this.parser = new EventParser(userId);
  }

  @Override
  public synchronized void start(Listener listener) {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    running = true;
    thread = new Thread(() -> run(listener), "taskflow-event-stream");
    thread.setDaemon(true);
    thread.start();
  }

  private void run(Listener listener) {
    String where = "server stream " + streamUri.getHost() + ":" + streamUri.getPort();
    listener.onStatus(new LiveStatus(LiveStatus.State.CONNECTING, "Connecting to the " + where + "…"));
    Duration backoff = Duration.ofSeconds(1);
    while (running) {
      try {
        HttpRequest.Builder request = HttpRequest.newBuilder(streamUri).header("Accept", "text/event-stream")
            .header("Authorization", "Bearer " + token).GET();
        if (lastEventId != null) {
          request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
          response.body().close();
          listener.onStatus(new LiveStatus(LiveStatus.State.DOWN, response.statusCode() == 401
              ? "Live updates: the server refused the token"
              : "Live updates: the server answered " + response.statusCode()));
        } else {
          listener.onStatus(new LiveStatus(LiveStatus.State.LIVE, "Live: changes and reminders from the " + where));
          backoff = Duration.ofSeconds(1);
          open = response.body();
          read(response.body().iterator(), listener);
          if (running) {
            listener.onStatus(new LiveStatus(LiveStatus.State.DOWN, "Live stream closed; reconnecting"));
          }
        }
      } catch (IOException | UncheckedIOException e) {
        listener.onStatus(new LiveStatus(LiveStatus.State.DOWN, "Live stream unreachable; retrying"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (running) {
        java.util.concurrent.locks.LockSupport.parkNanos(backoff.toNanos());
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
      }
    }
  }

  /** Reads events until the stream ends: {@code id:}, {@code event:}, {@code data:} lines, blank line ends one. */
  private void read(Iterator<String> lines, Listener listener) {
    String id = null;
    StringBuilder data = new StringBuilder();
    while (running && lines.hasNext()) {
      String line = lines.next();
      if (line.isEmpty()) {
        if (data.length() > 0) {
          String event = data.toString();
          parser.reminder(event).ifPresent(listener::onReminder);
          parser.taskChange(event).ifPresent(listener::onTaskChange);
          if (id != null) {
            lastEventId = id;
          }
        }
        id = null;
        data.setLength(0);
      } else if (line.startsWith("id:")) {
        id = line.substring(3).strip();
      } else if (line.startsWith("data:")) {
        data.append(line.substring(5).strip());
      }
    }
  }

  @Override
  public void close() {
    running = false;
    Stream<String> body = open;
    if (body != null) {
      body.close();
    }
    Thread worker = thread;
    if (worker != null) {
      worker.interrupt();
    }
  }
}
