package dev.taskflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** GET /api/v1/reminders/stream: the caller's reminders as server-sent events, resumable. */
class ReminderStreamIT {

  static long createDueIn30(String user, String title) {
    return Api.createTask(user, "{\"title\":\"" + title + "\",\"dueDate\":\"" + Instant.now().plus(Duration.ofMinutes(30))
        + "\"}").getJsonNumber("id").longValue();
  }

  @Test
  void streamsTheCallersRemindersAndNeverAnotherUsers() throws Exception {
    String alice = Api.newUser("alice");
    String bob = Api.newUser("bob");
    try (SseStream stream = new SseStream(Api.token(alice), "/api/v1/reminders/stream", null)) {
      assertThat(stream.status).isEqualTo(200);
      assertThat(stream.contentType).startsWith("text/event-stream");
      long bobs = createDueIn30(bob, "Bob's secret");
      long alices = createDueIn30(alice, "Alice's dentist");

      await().atMost(Duration.ofSeconds(15)).until(() -> !stream.events.isEmpty());
      SseStream.Event event = stream.events.get(0);
      assertThat(event.name()).isEqualTo("reminder");
      assertThat(Long.parseLong(event.id())).isPositive();
      assertThat(event.json().getString("type")).isEqualTo("taskflow.reminder.sent");
      assertThat(event.json().getJsonObject("data").getJsonObject("task").getJsonNumber("id").longValue())
          .isEqualTo(alices);
      assertThat(event.json().getJsonObject("data").getInt("minutesUntilDue")).isBetween(29, 30);
      assertThat(stream.events).extracting(SseStream.Event::data).noneMatch(d -> d.contains("Bob's secret")
          || d.contains("\"id\":" + bobs + ","));
    }
  }

  @Test
  void aReconnectWithLastEventIdGetsWhatWasMissed() throws Exception {
    String user = Api.newUser("resume");
    String first;
    try (SseStream stream = new SseStream(Api.token(user), "/api/v1/reminders/stream", null)) {
      createDueIn30(user, "First");
      await().atMost(Duration.ofSeconds(15)).until(() -> stream.events.size() == 1);
      first = stream.events.get(0).id();
    }
    long missed = createDueIn30(user, "Missed while away");
    await().atMost(Duration.ofSeconds(10)).until(() -> Api.get(user, Api.TASKS + "/" + missed).json()
        .getBoolean("reminderSent"));

    try (SseStream stream = new SseStream(Api.token(user), "/api/v1/reminders/stream", first)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> !stream.events.isEmpty());
      assertThat(stream.events).hasSize(1);
      assertThat(stream.events.get(0).data()).contains("Missed while away");
      assertThat(Long.parseLong(stream.events.get(0).id())).isGreaterThan(Long.parseLong(first));
    }
  }

  @Test
  void refusesAnonymousCallersAndNonsenseIds() throws Exception {
    try (SseStream anonymous = new SseStream(null, "/api/v1/reminders/stream", null)) {
      assertThat(anonymous.status).isEqualTo(401);
      assertThat(anonymous.contentType).startsWith("application/problem+json");
    }
    try (SseStream bad = new SseStream(Api.token(Api.newUser("bad")), "/api/v1/reminders/stream", "x'; DROP")) {
      assertThat(bad.status).isEqualTo(400);
      assertThat(bad.contentType).startsWith("application/problem+json");
      assertThat(bad.refusal).contains("Last-Event-ID");
    }
  }
}
