package dev.taskflow.it;

import static dev.taskflow.it.Api.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Recurring tasks end to end: completion event on the real broker, the recurrence consumer in
 * the deployed server, the successor visible through the API.
 */
class RecurringTasksIT {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final String user = Api.newUser("recurring");

  private static long id(JsonObject task) {
    return task.getJsonNumber("id").longValue();
  }

  private JsonObject complete(long id) {
    Api.Reply reply = Api.post(user, TASKS + "/" + id + "/complete", null);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  /** The open tasks of a series other than {@code except}. */
  private List<JsonObject> openInSeries(long seriesId) {
    return Api.get(user, TASKS + "?status=open&limit=200").items().stream()
        .map(v -> v.asJsonObject())
        .filter(t -> !t.isNull("seriesId") && t.getJsonNumber("seriesId").longValue() == seriesId)
        .toList();
  }

  private JsonObject awaitSuccessor(long seriesId) {
    return Awaitility.await("successor of series " + seriesId)
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> openInSeries(seriesId), tasks -> tasks.size() == 1)
        .get(0);
  }

  /** Waits until the consumer has handled every completion event of {@code taskId}. */
  private void awaitCompletionsHandled(long taskId) {
    EventLog.awaitOutboxDrained(PATIENCE);
    List<String> eventIds =
        EventLog.eventsOf(user, List.of("task-recurrence")).stream()
            .filter(e -> e.key().equals(String.valueOf(taskId)))
            .map(EventLog.Event::id)
            .distinct()
            .toList();
    assertThat(eventIds).as("completion events of task " + taskId).isNotEmpty();
    Awaitility.await("consumer handled " + eventIds)
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> eventIds.stream().filter(RecurringTasksIT::processed).count() == eventIds.size());
  }

  static boolean processed(String eventId) {
    try (Connection db = SchemaIT.connect();
        PreparedStatement query = db.prepareStatement("SELECT 1 FROM processed_event WHERE consumer = 'recurrence' AND event_id = CAST(? AS uuid)")) {
      query.setString(1, eventId);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next();
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void dailyCompletedGivesTomorrowAtTheSameLocalTimeWithEveryFieldCopied() {
    JsonObject task =
        Api.createTask(
            user,
            "{\"title\": \"Stand-up\", \"description\": \"Daily sync\", \"priority\": \"high\", \"category\": \"work\","
                + " \"tags\": [\"team\", \"daily\"], \"dueDate\": \"2030-06-10T09:15:00+02:00\", \"timeZone\": \"Europe/Berlin\","
                + " \"recurrenceRule\": \"FREQ=DAILY\", \"remindBeforeMinutes\": 10}");
    complete(id(task));

    JsonObject next = awaitSuccessor(id(task));

    assertThat(ZonedDateTime.parse(next.getString("dueDate")).withZoneSameInstant(BERLIN).toLocalDateTime()).hasToString("2030-06-11T09:15");
    for (String field : new String[] {"title", "description", "priority", "category", "timeZone", "recurrenceRule", "repeatFrom"}) {
      assertThat(next.get(field)).as(field).isEqualTo(task.get(field));
    }
    assertThat(next.getJsonArray("tags").getValuesAs(JsonString::getString)).containsExactly("team", "daily");
    assertThat(next.getInt("remindBeforeMinutes")).isEqualTo(10);
    assertThat(next.getBoolean("completed")).isFalse();
    assertThat(next.getBoolean("reminderSent")).isFalse();
    assertThat(next.getJsonNumber("seriesId").longValue()).isEqualTo(id(task));
    assertThat(id(next)).isNotEqualTo(id(task));
  }

  @Test
  void theLocalTimeIsKeptAcrossTheDaylightSavingChangeInBerlin() {
    JsonObject task =
        Api.createTask(
            user,
            "{\"title\": \"Morning run\", \"dueDate\": \"2030-03-30T09:00:00+01:00\", \"timeZone\": \"Europe/Berlin\", \"recurrenceRule\": \"FREQ=DAILY\"}");
    complete(id(task));

    JsonObject next = awaitSuccessor(id(task));

    assertThat(next.getString("dueDate")).isEqualTo("2030-03-31T07:00:00Z"); // 09:00 CEST
  }

  @Test
  void anAllDayWeeklyTaskRepeatsOnDaysAcrossTheDaylightSavingChange() {
    JsonObject task = Api.createTask(user,
        "{\"title\": \"Bins out\", \"dueDate\": \"2030-03-25\", \"timeZone\": \"Europe/Berlin\", \"recurrenceRule\": \"FREQ=WEEKLY\"}");
    assertThat(task.getString("dueDate")).isEqualTo("2030-03-25");
    complete(id(task));

    JsonObject next = awaitSuccessor(id(task));

    assertThat(next.getString("dueDate")).isEqualTo("2030-04-01"); // the day, though Berlin is at +02:00 by then
  }

  @Test
  void anOverdueDailyTaskGetsItsSuccessorInTheFuture() {
    JsonObject task =
        Api.createTask(
            user,
            "{\"title\": \"Water plants\", \"dueDate\": \"2020-01-06T08:00:00+01:00\", \"timeZone\": \"Europe/Berlin\", \"recurrenceRule\": \"FREQ=DAILY\"}");
    Instant completedAt = Instant.now();
    complete(id(task));

    JsonObject next = awaitSuccessor(id(task));

    Instant due = Instant.parse(next.getString("dueDate"));
    assertThat(due).isAfter(completedAt).isBefore(completedAt.plus(Duration.ofHours(25)));
    assertThat(due.atZone(BERLIN).toLocalTime()).hasToString("08:00");
  }

  @Test
  void countThreeEndsAfterTheThird() {
    JsonObject first =
        Api.createTask(
            user,
            "{\"title\": \"Three times\", \"dueDate\": \"2031-01-01T10:00:00Z\", \"recurrenceRule\": \"FREQ=DAILY;COUNT=3\"}");
    long series = id(first);
    complete(id(first));
    JsonObject second = awaitSuccessor(series);
    assertThat(second.getString("dueDate")).isEqualTo("2031-01-02T10:00:00Z");
    complete(id(second));
    JsonObject third = awaitSuccessor(series);
    assertThat(third.getString("dueDate")).isEqualTo("2031-01-03T10:00:00Z");

    complete(id(third));
    awaitCompletionsHandled(id(third));

    assertThat(openInSeries(series)).as("no fourth occurrence").isEmpty();
  }

  @Test
  void doubleCompletionReopeningAndAReplayedEventGiveOneSuccessor() throws Exception {
    JsonObject task =
        Api.createTask(user, "{\"title\": \"Once\", \"dueDate\": \"2031-05-05T10:00:00Z\", \"recurrenceRule\": \"FREQ=WEEKLY\"}");
    long id = id(task);
    complete(id);
    complete(id); // changes nothing
    awaitSuccessor(id);
    // reopen and complete again: a second completion event for the same occurrence
    assertThat(Api.patch(user, TASKS + "/" + id, "{\"completed\": false}").status()).isEqualTo(200);
    complete(id);
    awaitCompletionsHandled(id);
    // replay every completion event of the task, as a consumer restart would
    List<EventLog.Event> completions =
        EventLog.eventsOf(user, List.of("task-recurrence")).stream().filter(e -> e.key().equals(String.valueOf(id))).toList();
    assertThat(completions).hasSize(2);
    JsonObject other = Api.createTask(user, "{\"title\": \"After poison\", \"dueDate\": \"2031-05-06T10:00:00Z\", \"recurrenceRule\": \"FREQ=DAILY\"}");
    try (KafkaProducer<String, String> producer = producer()) {
      for (EventLog.Event event : completions) {
        producer.send(new ProducerRecord<>("task-recurrence", event.key(), event.value().toString())).get();
      }
      // a poison message on the partition of a fresh completion: it must not block it
      producer.send(new ProducerRecord<>("task-recurrence", String.valueOf(id(other)), "{not json")).get();
      producer.send(new ProducerRecord<>("task-recurrence", String.valueOf(id(other)), "{\"type\": \"taskflow.task.completed\"}")).get();
    }
    complete(id(other));
    awaitSuccessor(id(other));
    awaitConsumerCaughtUp();

    assertThat(openInSeries(id)).as("exactly one successor").hasSize(1);
    assertThat(countSuccessorsInDatabase(id)).isEqualTo(1);
  }

  @Test
  void aRecurringTaskCreatedAlreadyCompletedGetsItsSuccessor() {
    JsonObject done =
        Api.createTask(user, "{\"title\": \"Logged late\", \"completed\": true, \"dueDate\": \"2032-02-01T10:00:00Z\", \"recurrenceRule\": \"FREQ=WEEKLY\"}");

    assertThat(awaitSuccessor(id(done)).getString("dueDate")).isEqualTo("2032-02-08T10:00:00Z");
  }

  @Test
  void theLastTaskOfAnEndingSeriesStaysEditable() {
    JsonObject first =
        Api.createTask(
            user, "{\"title\": \"Twice\", \"dueDate\": \"2032-03-01T10:00:00Z\", \"recurrenceRule\": \"FREQ=DAILY;UNTIL=20320302T100000Z\"}");
    complete(id(first));
    JsonObject last = awaitSuccessor(id(first));
    assertThat(last.getString("dueDate")).isEqualTo("2032-03-02T10:00:00Z");

    Api.Reply edited = Api.patch(user, TASKS + "/" + id(last), "{\"title\": \"Twice, renamed\"}");
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    Api.Reply moved = Api.patch(user, TASKS + "/" + id(last), "{\"dueDate\": \"2032-03-05T10:00:00Z\"}");
    assertThat(moved.status()).as("moved past UNTIL: the rule cannot repeat any more").isEqualTo(400);
    assertThat(complete(id(last)).getBoolean("completed")).isTrue();
  }

  @Test
  void repeatFromCompletionCountsFromTheCompletionDay() {
    JsonObject task =
        Api.createTask(
            user,
            "{\"title\": \"Haircut\", \"dueDate\": \"2020-03-01T10:00:00Z\", \"recurrenceRule\": \"FREQ=DAILY;INTERVAL=30\","
                + " \"repeatFrom\": \"completion\"}");
    complete(id(task));

    JsonObject next = awaitSuccessor(id(task));

    ZonedDateTime expected = ZonedDateTime.now(ZoneId.of("UTC")).toLocalDate().plusDays(30).atTime(10, 0).atZone(ZoneId.of("UTC"));
    assertThat(Instant.parse(next.getString("dueDate"))).isIn(expected.toInstant(), expected.minusDays(1).toInstant());
  }

  /** The consumer group has committed every record of task-recurrence, replays included. */
  private static void awaitConsumerCaughtUp() {
    try (Admin admin = Admin.create(KafkaClients.operator())) {
      Awaitility.await("recurrence consumer caught up")
          .atMost(PATIENCE)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets("recurring-task-service-group").partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest =
                    committed.keySet().stream()
                        .filter(tp -> tp.topic().equals("task-recurrence"))
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                return !latest.isEmpty()
                    && ends.entrySet().stream().allMatch(e -> committed.get(e.getKey()).offset() >= e.getValue().offset());
              });
    }
  }

  private static long countSuccessorsInDatabase(long seriesId) throws Exception {
    try (Connection db = SchemaIT.connect();
        PreparedStatement query = db.prepareStatement("SELECT count(*) FROM tasks WHERE series_id = ? AND id <> ?")) {
      query.setLong(1, seriesId);
      query.setLong(2, seriesId);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static KafkaProducer<String, String> producer() {
    Properties props = KafkaClients.operator();
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "replay-" + UUID.randomUUID());
    return new KafkaProducer<>(props);
  }
}
