package dev.taskflow.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A test client of a server-sent event stream: collects the events as they come. */
final class SseStream implements AutoCloseable {

  record Event(String id, String name, String data) {
    JsonObject json() {
      return Json.createReader(new StringReader(data)).readObject();
    }
  }

  final List<Event> events = new CopyOnWriteArrayList<>();
  final int status;
  final String contentType;
  /** The whole body of a refusal (status other than 200); a stream's events go to {@link #events}. */
  final String refusal;
  private final CompletableFuture<Void> reading;
  private final HttpResponse<Stream<String>> response;

  SseStream(String token, String path, String lastEventId) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE_URL + path))
        .header("Accept", "text/event-stream").timeout(Duration.ofMinutes(5)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
    status = response.statusCode();
    contentType = response.headers().firstValue("Content-Type").orElse("");
    if (status == 200) {
      refusal = null;
      reading = CompletableFuture.runAsync(this::read);
    } else {
      refusal = String.join("\n", response.body().toList());
      reading = CompletableFuture.completedFuture(null);
    }
  }

  private void read() {
    String id = null;
    String name = null;
    StringBuilder data = new StringBuilder();
    for (String line : (Iterable<String>) response.body()::iterator) {
      if (line.isEmpty()) {
        if (data.length() > 0) {
          events.add(new Event(id, name, data.toString()));
        }
        id = null;
        name = null;
        data.setLength(0);
      } else if (line.startsWith("id:")) {
        id = line.substring(3).strip();
      } else if (line.startsWith("event:")) {
        name = line.substring(6).strip();
      } else if (line.startsWith("data:")) {
        data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).strip());
      }
    }
  }

  @Override
  public void close() {
    reading.cancel(true);
    response.body().close();
  }
}
