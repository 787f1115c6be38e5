package dev.taskflow.it;

import static dev.taskflow.it.Api.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/events/stream}: the caller's task changes and reminders, in order, named after
 * their CloudEvents type, never another user's, resumable with Last-Event-ID.
 */
class EventStreamIT {

  static final String STREAM = "/api/v1/events/stream";

  @Test
  void followsTheCallersOwnTaskFromCreationToDeletion() throws Exception {
    String alice = Api.newUser("events-alice");
    String bob = Api.newUser("events-bob");
    try (SseStream stream = new SseStream(Api.token(alice), STREAM, null)) {
      assertThat(stream.status).isEqualTo(200);
      assertThat(stream.contentType).startsWith("text/event-stream");
      Api.createTask(bob, "{\"title\": \"Bob's secret plan\"}");
      long id = Api.createTask(alice, "{\"title\": \"Water the plants\"}").getJsonNumber("id").longValue();
      assertThat(Api.patch(alice, TASKS + "/" + id, "{\"title\": \"Water the plants twice\"}").status()).isEqualTo(200);
      assertThat(Api.post(alice, TASKS + "/" + id + "/complete", "").status()).isEqualTo(200);
      assertThat(Api.delete(alice, TASKS + "/" + id).status()).isEqualTo(204);

      Awaitility.await("four events").atMost(Duration.ofSeconds(20)).until(() -> stream.events.size() >= 4);
      assertThat(stream.events).extracting(SseStream.Event::name).containsExactly("taskflow.task.created",
          "taskflow.task.updated", "taskflow.task.completed", "taskflow.task.deleted");
      for (SseStream.Event event : stream.events) {
        JsonObject cloudEvent = event.json();
        assertThat(cloudEvent.getString("type")).isEqualTo(event.name());
        assertThat(cloudEvent.getJsonObject("data").getString("userId")).isEqualTo(alice);
        assertThat(cloudEvent.getJsonObject("data").getJsonObject("task").getJsonNumber("id").longValue()).isEqualTo(id);
      }
      assertThat(stream.events).extracting(e -> Long.parseLong(e.id())).isSorted();
      assertThat(stream.events).extracting(SseStream.Event::data).noneMatch(d -> d.contains("Bob's secret"));
    }
  }

  @Test
  void carriesRemindersToo() throws Exception {
    String user = Api.newUser("events-reminded");
    try (SseStream stream = new SseStream(Api.token(user), STREAM, null)) {
      Api.createTask(user, "{\"title\": \"Call back\", \"dueDate\": \"" + Instant.now().plus(Duration.ofMinutes(30)) + "\"}");
      Awaitility.await("the reminder").atMost(Duration.ofSeconds(30))
          .until(() -> stream.events.stream().anyMatch(e -> e.name().equals("taskflow.reminder.sent")));
      assertThat(stream.events.get(0).name()).isEqualTo("taskflow.task.created");
    }
  }

  @Test
  void aReconnectWithLastEventIdGetsWhatWasMissedAndNothingOlder() throws Exception {
    String user = Api.newUser("events-resume");
    String first;
    try (SseStream stream = new SseStream(Api.token(user), STREAM, null)) {
      Api.createTask(user, "{\"title\": \"seen\"}");
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !stream.events.isEmpty());
      first = stream.events.get(0).id();
    }
    Api.createTask(user, "{\"title\": \"missed one\"}");
    Api.createTask(user, "{\"title\": \"missed two\"}");
    try (SseStream stream = new SseStream(Api.token(user), STREAM, first)) {
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> stream.events.size() >= 2);
      List<String> titles = stream.events.stream()
          .map(e -> e.json().getJsonObject("data").getJsonObject("task").getString("title")).toList();
      assertThat(titles).containsExactly("missed one", "missed two");
    }
    try (SseStream fresh = new SseStream(Api.token(user), STREAM, null)) {
      Api.createTask(user, "{\"title\": \"new\"}");
      Api.createTask(user, "{\"title\": \"newer\"}");
      // Events arrive in position order: once "newer" is here, anything older would have come first.
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> fresh.events.size() >= 2);
      assertThat(fresh.events).as("a new stream starts now, without a Last-Event-ID no past events")
          .extracting(e -> e.json().getJsonObject("data").getJsonObject("task").getString("title"))
          .containsExactly("new", "newer");
    }
  }

  @Test
  void refusesAnonymousCallersAndNonsenseIds() throws Exception {
    try (SseStream anonymous = new SseStream(null, STREAM, null)) {
      assertThat(anonymous.status).isEqualTo(401);
      assertThat(anonymous.contentType).startsWith("application/problem+json");
    }
    try (SseStream bad = new SseStream(Api.token(Api.newUser("events-bad")), STREAM, "-1")) {
      assertThat(bad.status).isEqualTo(400);
      assertThat(bad.refusal).contains("Last-Event-ID");
    }
  }
}
