package dev.taskflow.it;

import static dev.taskflow.it.Api.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The promise of the outbox on the real stack: with the broker stopped the API works as usual and
 * nothing is lost; after the broker (or a SIGKILLed server) comes back, every event arrives, in
 * order per task.
 */
class KafkaOutageIT {

  private static final Duration DELIVERY = Duration.ofSeconds(120);

  @AfterEach
  void restoreTheStack() {
    Stack.startBroker(); // no-op when it runs
    Stack.awaitReady();
  }

  @Test
  void withTheBrokerDownTheApiAnswersAsUsualAndEveryEventArrivesLater() {
    String user = Api.newUser("outage");
    Stack.stopBroker();

    List<Long> ids = new ArrayList<>();
    long slowestNanos = 0;
    for (int i = 0; i < 20; i++) {
      long start = System.nanoTime();
      ids.add(Api.createTask(user, "{\"title\": \"task " + i + " v0\"}").getJsonNumber("id").longValue());
      slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
    }
    for (int version = 1; version <= 4; version++) {
      for (long id : ids) {
        long start = System.nanoTime();
        Api.Reply reply = Api.patch(user, TASKS + "/" + id, "{\"title\": \"task v" + version + "\"}");
        slowestNanos = Math.max(slowestNanos, System.nanoTime() - start);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      }
    }
    // The producer would block up to max.block.ms (3 s) per send: a request that waited on Kafka shows.
    assertThat(Duration.ofNanos(slowestNanos)).as("slowest of 100 changes with the broker down").isLessThan(Duration.ofSeconds(2));

    Awaitility.await("readiness reports the broker away")
        .atMost(Duration.ofSeconds(30))
        .until(() -> kafkaCheck().getJsonObject("data").getBoolean("reachable") == false);
    JsonObject kafka = kafkaCheck();
    assertThat(kafka.getString("status")).as("Kafka does not gate readiness").isEqualTo("UP");
    assertThat(kafka.getJsonObject("data").getJsonNumber("outboxBacklog").longValue()).isGreaterThanOrEqualTo(100);

    Stack.startBroker();
    EventLog.awaitOutboxDrained(DELIVERY);

    Map<String, List<String>> titlesByKey = new LinkedHashMap<>();
    List<EventLog.Event> events = EventLog.eventsOf(user, List.of("task-events"));
    List<String> seen = new ArrayList<>();
    for (EventLog.Event event : events) {
      if (!seen.contains(event.id())) { // at-least-once: consumers dedupe by id
        seen.add(event.id());
        titlesByKey.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(event.task().getString("title"));
      }
    }
    assertThat(seen).hasSize(100);
    assertThat(titlesByKey).hasSize(20);
    titlesByKey.forEach(
        (key, titles) -> assertThat(titles).as("task " + key + " in commit order").endsWith("task v1", "task v2", "task v3", "task v4"));
  }

  @Test
  void aServerKilledWhileEventsArePendingDeliversThemAfterRestart() throws Exception {
    String user = Api.newUser("crash");
    Stack.stopBroker();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      ids.add(Api.createTask(user, "{\"title\": \"crash " + i + "\"}").getJsonNumber("id").longValue());
    }
    for (long id : ids) {
      assertThat(Api.post(user, TASKS + "/" + id + "/complete", null).status()).isEqualTo(200);
    }
    assertThat(EventLog.pendingEvents()).isGreaterThanOrEqualTo(30);

    Stack.killLiberty();
    Stack.startBroker();
    Stack.startLiberty();
    EventLog.awaitOutboxDrained(DELIVERY);

    List<EventLog.Event> events = EventLog.eventsOf(user, List.of("task-events"));
    assertThat(events.stream().map(EventLog.Event::id).distinct().count()).isEqualTo(30);
    for (long id : ids) {
      assertThat(events.stream().filter(e -> e.key().equals(String.valueOf(id))).map(EventLog.Event::type).distinct())
          .containsExactly("taskflow.task.created", "taskflow.task.completed");
    }
  }

  private static JsonObject kafkaCheck() {
    return Api.send(null, "GET", "/health/ready", null, null).json().getJsonArray("checks").stream()
        .map(v -> v.asJsonObject())
        .filter(c -> c.getString("name").equals("kafka"))
        .findFirst()
        .orElseThrow();
  }
}
