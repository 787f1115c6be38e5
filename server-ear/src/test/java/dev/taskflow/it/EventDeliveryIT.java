package dev.taskflow.it;

import static dev.taskflow.it.Api.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each kind of change produces exactly one CloudEvent on the real broker, in order per task. */
class EventDeliveryIT {

  static final List<String> ALL_TOPICS = List.of("task-events", "task-recurrence", "task-reminders");

  private final String user = Api.newUser("events");

  @Test
  void everyChangeIsOneEventWithTheRightTypeKeyTopicAndEnvelope() {
    Instant start = Instant.now().minusSeconds(1);
    JsonObject task = Api.createTask(user, "{\"title\": \"Write report\", \"dueDate\": \"2026-12-01T09:00:00Z\"}");
    String id = String.valueOf(task.getJsonNumber("id").longValue());
    String path = TASKS + "/" + id;
    assertThat(Api.patch(user, path, "{\"priority\": \"high\"}").status()).isEqualTo(200);
    assertThat(Api.patch(user, path, "{\"priority\": \"high\"}").status()).as("no-op patch").isEqualTo(200);
    assertThat(Api.post(user, path + "/complete", null).status()).isEqualTo(200);
    assertThat(Api.post(user, path + "/complete", null).status()).as("completing again changes nothing").isEqualTo(200);
    assertThat(Api.delete(user, path).status()).isEqualTo(204);

    EventLog.awaitOutboxDrained(Duration.ofSeconds(30));
    List<EventLog.Event> events = EventLog.eventsOf(user, ALL_TOPICS);

    assertThat(events)
        .extracting(EventLog.Event::type)
        .containsExactly("taskflow.task.created", "taskflow.task.updated", "taskflow.task.completed", "taskflow.task.deleted");
    assertThat(events).allSatisfy(e -> {
      assertThat(e.topic()).isEqualTo("task-events");
      assertThat(e.key()).isEqualTo(id);
      JsonObject ce = e.value();
      assertThat(ce.getString("specversion")).isEqualTo("1.0");
      assertThat(UUID.fromString(ce.getString("id"))).isNotNull();
      assertThat(ce.getString("source")).isNotBlank();
      assertThat(ce.getString("subject")).isEqualTo(id);
      assertThat(Instant.parse(ce.getString("time"))).isAfter(start).isBefore(Instant.now());
      assertThat(ce.getString("datacontenttype")).isEqualTo("application/json");
      assertThat(e.userId()).isEqualTo(user);
      assertThat(e.task().getJsonNumber("id").longValue()).isEqualTo(Long.parseLong(id));
      assertThat(e.headers()).containsEntry("ce_id", ce.getString("id")).containsEntry("ce_type", ce.getString("type"));
    });
    assertThat(events).extracting(EventLog.Event::id).doesNotHaveDuplicates();
    assertThat(events.get(1).task().getString("priority")).isEqualTo("high");
    assertThat(events.get(2).task().getBoolean("completed")).isTrue();
    assertThat(events.get(3).task().getString("title")).isEqualTo("Write report");
  }

  @Test
  void completingARecurringTaskAlsoGoesToTheRecurrenceTopic() {
    JsonObject task =
        Api.createTask(user, "{\"title\": \"Standup\", \"dueDate\": \"2026-12-01T09:00:00Z\", \"recurrenceRule\": \"FREQ=DAILY\"}");
    String id = String.valueOf(task.getJsonNumber("id").longValue());
    Api.post(user, TASKS + "/" + id + "/complete", null);

    EventLog.awaitOutboxDrained(Duration.ofSeconds(30));
    List<EventLog.Event> completions =
        EventLog.eventsOf(user, ALL_TOPICS).stream().filter(e -> e.type().equals("taskflow.task.completed")).toList();

    assertThat(completions).extracting(EventLog.Event::topic).containsExactlyInAnyOrder("task-events", "task-recurrence");
    assertThat(completions).extracting(EventLog.Event::id).as("the same event on both topics").containsOnly(completions.get(0).id());
    assertThat(completions).allSatisfy(e -> assertThat(e.key()).isEqualTo(id));
    assertThat(completions.get(0).task().getString("recurrenceRule")).isEqualTo("FREQ=DAILY");
  }

  @Test
  void completingThroughAPatchIsACompletionEvent() {
    JsonObject task = Api.createTask(user, "{\"title\": \"Patch-complete\"}");
    Api.patch(user, TASKS + "/" + task.getJsonNumber("id").longValue(), "{\"completed\": true}");

    EventLog.awaitOutboxDrained(Duration.ofSeconds(30));

    assertThat(EventLog.eventsOf(user, ALL_TOPICS))
        .extracting(EventLog.Event::type)
        .containsExactly("taskflow.task.created", "taskflow.task.completed");
  }

  @Test
  void aRejectedChangePublishesNothing() {
    JsonObject task = Api.createTask(user, "{\"title\": \"Stable\"}");
    assertThat(Api.patch(user, TASKS + "/" + task.getJsonNumber("id").longValue(), "{\"priority\": \"urgent\"}").status()).isEqualTo(400);
    assertThat(Api.post(user, TASKS, "{\"title\": \"\"}").status()).isEqualTo(400);

    EventLog.awaitOutboxDrained(Duration.ofSeconds(30));

    assertThat(EventLog.eventsOf(user, ALL_TOPICS)).extracting(EventLog.Event::type).containsExactly("taskflow.task.created");
  }
}
