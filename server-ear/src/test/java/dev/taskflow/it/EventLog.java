package dev.taskflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads what really reached the broker. "Everything" is well defined: wait until the outbox holds
 * no unpublished event (each was acknowledged by the broker), then read every partition up to its
 * end offset.
 */
final class EventLog {

  record Event(String topic, int partition, long offset, String key, JsonObject value, Map<String, String> headers) {

    boolean isWellFormed() {
      return value.containsKey("id") && value.containsKey("type") && value.get("data") instanceof JsonObject data && data.containsKey("userId");
    }

    String type() {
      return value.getString("type");
    }

    String id() {
      return value.getString("id");
    }

    String userId() {
      return value.getJsonObject("data").getString("userId");
    }

    JsonObject task() {
      return value.getJsonObject("data").getJsonObject("task");
    }
  }

  private EventLog() {}

  static String bootstrap() {
    return KafkaClients.operator().getProperty("bootstrap.servers");
  }

  /** Waits until the relay has published every pending event. */
  static void awaitOutboxDrained(Duration timeout) {
    Awaitility.await("outbox drained")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> pendingEvents() == 0);
  }

  static long pendingEvents() throws Exception {
    try (Connection db = SchemaIT.connect();
        PreparedStatement count = db.prepareStatement("SELECT count(*) FROM outbox_event WHERE published_at IS NULL");
        ResultSet rs = count.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Every event of {@code topics} whose owner is {@code user}, in partition order per partition. */
  static List<Event> eventsOf(String user, Collection<String> topics) {
    return read(topics, e -> user.equals(e.userId()));
  }

  static List<Event> read(Collection<String> topics, Predicate<Event> filter) {
    Properties props = KafkaClients.operator();
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // Like every Taskflow consumer: events of an aborted relay transaction are not events.
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<Event> events = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        consumer.partitionsFor(topic, Duration.ofSeconds(10)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(10)));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        assertThat(System.nanoTime()).as("read to the end offsets in time").isLessThan(deadline);
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          Map<String, String> headers = new HashMap<>();
          record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
          JsonObject value;
          try (var reader = Json.createReader(new StringReader(record.value()))) {
            value = reader.readObject();
          } catch (RuntimeException e) {
            continue; // not an event (the poison tests put such records on task-recurrence)
          }
          Event event = new Event(record.topic(), record.partition(), record.offset(), record.key(), value, headers);
          if (event.isWellFormed() && filter.test(event)) {
            events.add(event);
          }
        }
      }
    }
    return events;
  }
}
