package dev.taskflow.desktop.api;

import dev.taskflow.desktop.task.Task;
import dev.taskflow.desktop.task.TaskDraft;
import dev.taskflow.desktop.task.TaskJson;
import dev.taskflow.desktop.task.TaskStatus;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** {@link TaskApi} over HTTP with the JDK client; every error becomes an {@link ApiException}. */
public final class HttpTaskApi implements TaskApi {

  private static final int PAGE = 200;
  /** The desktop shows at most this many tasks per view; beyond it, search narrows the list. */
  static final int MAX_LISTED = 2_000;

  private final URI base;
  private final String token;
  private final HttpClient http;

  public HttpTaskApi(URI serverUrl, String token) {
    String url = serverUrl.toString();
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
    this.token = token;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();
  }

  @Override
  public List<Task> list(TaskStatus status) {
    List<Task> all = new ArrayList<>();
    // past the cap, the open tasks due soonest and the most recently completed ones matter most
    String first = "api/v1/tasks?status=" + status.wire() + "&limit=" + PAGE
        + (status == TaskStatus.COMPLETED ? "&sort=-updated" : "");
    String next = null;
    do {
      JsonObject page = send(get(next == null ? first : first + "&cursor=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
      all.addAll(TaskJson.items(page));
      next = page.getString("next", null);
    } while (next != null && all.size() < MAX_LISTED);
    return all;
  }

  @Override
  public Task get(long id) {
    return TaskJson.task(send(get("api/v1/tasks/" + id)));
  }

  @Override
  public List<Task> search(String query, TaskStatus status, int limit) {
    return TaskJson.items(send(get("api/v1/tasks/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
        + "&status=" + status.wire() + "&limit=" + limit)));
  }

  @Override
  public Task create(TaskDraft draft) {
    return TaskJson.task(send(withBody("POST", "api/v1/tasks", "application/json", TaskJson.draft(draft))));
  }

  @Override
  public Task update(long id, TaskDraft draft) {
    return TaskJson.task(send(withBody("PATCH", "api/v1/tasks/" + id, "application/merge-patch+json",
        TaskJson.draft(draft))));
  }

  @Override
  public Task remindBefore(long id, int minutes) {
    JsonObject patch = Json.createObjectBuilder().add("remindBeforeMinutes", minutes).build();
    return TaskJson.task(send(withBody("PATCH", "api/v1/tasks/" + id, "application/merge-patch+json", patch)));
  }

  @Override
  public Task complete(long id) {
    return TaskJson.task(send(request("api/v1/tasks/" + id + "/complete").POST(HttpRequest.BodyPublishers.noBody())));
  }

  @Override
  public Task reopen(long id) {
    JsonObject patch = Json.createObjectBuilder().add("completed", false).build();
    return TaskJson.task(send(withBody("PATCH", "api/v1/tasks/" + id, "application/merge-patch+json", patch)));
  }

  @Override
  public void delete(long id) {
    send(request("api/v1/tasks/" + id).DELETE());
  }

  @Override
  public List<OffsetDateTime> previewRecurrence(String rule, LocalDateTime start, String timeZone, int count) {
    JsonObject body = Json.createObjectBuilder()
        .add("rule", rule)
        .add("start", start.withNano(0).toString())
        .add("timeZone", timeZone)
        .add("count", count)
        .build();
    JsonObject answer = send(withBody("POST", "api/v1/recurrence/preview", "application/json", body));
    List<OffsetDateTime> occurrences = new ArrayList<>();
    for (JsonValue value : answer.getJsonArray("occurrences")) {
      occurrences.add(OffsetDateTime.parse(((JsonString) value).getString()));
    }
    return occurrences;
  }

  @Override
  public void ping() {
    send(get("api/v1/tasks?limit=1"));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json, application/problem+json");
  }

  private HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  private HttpRequest.Builder withBody(String method, String path, String contentType, JsonObject body) {
    return request(path).header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
  }

  /** Sends and answers the JSON object body, or an empty object for 204. */
  private JsonObject send(HttpRequest.Builder builder) {
    HttpResponse<String> response;
    try {
      response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw ApiException.unreachable(base.toString(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unreachable(base.toString(), e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return status == 204 || response.body().isBlank() ? JsonValue.EMPTY_JSON_OBJECT : parse(response.body(), status);
    }
    throw Problems.from(status, response.body());
  }

  private static JsonObject parse(String body, int status) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new ApiException(status, "Unexpected answer", "The server answered something that is not JSON", List.of());
    }
  }
}
