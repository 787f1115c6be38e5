package dev.taskflow.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads task-events and task-reminders from their ends at the start of the run, through every
 * fault (the consumer reconnects by itself), keeping the records of the run's users in partition
 * order. No consumer group: it owns its partitions and commits nothing.
 */
final class ChaosEvents implements AutoCloseable {

  /** How often the reader asks the broker where the topics end (one request each time). */
  private static final long END_OFFSETS_EVERY = Duration.ofSeconds(1).toNanos();

  private final KafkaConsumer<String, String> consumer;
  private final List<TopicPartition> partitions = new ArrayList<>();
  private final List<ChaosAudit.Delivered> delivered = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private final String userPrefix;
  private volatile boolean running = true;
  /** Whether the reader had consumed everything the topics held, and when that was last seen. */
  private volatile long caughtUpAt = System.nanoTime() - Duration.ofHours(1).toNanos();

  ChaosEvents(String kafkaConfig, String userPrefix) {
    this.userPrefix = userPrefix;
    Properties p = KafkaClientConfig.load(kafkaConfig);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // The auditor shares two cores with the server it judges, over TLS: it asks for data at most
    // twice a second (it measures no delivery latency), not once per record.
    p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536");
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "500");
    p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumer = new KafkaConsumer<>(p);
    for (String topic : List.of(ChaosAudit.TASK_EVENTS, ChaosAudit.REMINDERS)) {
      consumer.partitionsFor(topic, Duration.ofSeconds(30))
          .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(tp -> consumer.position(tp, Duration.ofSeconds(30)));
    thread = new Thread(this::poll, "chaos-events");
    thread.setDaemon(true);
    thread.start();
  }

  private void poll() {
    long endsAskedAt = System.nanoTime() - END_OFFSETS_EVERY;
    while (running) {
      try {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          keep(record);
        }
        long asked = System.nanoTime();
        if (asked - endsAskedAt < END_OFFSETS_EVERY) {
          continue;
        }
        endsAskedAt = asked;
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(5));
        if (partitions.stream().allMatch(tp -> consumer.position(tp, Duration.ofSeconds(5)) >= ends.get(tp))) {
          caughtUpAt = asked;
        }
      } catch (RuntimeException e) {
        // the broker is away: poll again, the client reconnects by itself
        LockSupport.parkNanos(200_000_000);
      }
    }
    consumer.close(Duration.ofSeconds(2));
  }

  private void keep(ConsumerRecord<String, String> record) {
    try (var reader = Json.createReader(new StringReader(record.value()))) {
      JsonObject event = reader.readObject();
      JsonObject data = event.getJsonObject("data");
      if (!data.getString("userId", "").startsWith(userPrefix)) {
        return;
      }
      JsonObject task = data.getJsonObject("task");
      delivered.add(new ChaosAudit.Delivered(record.topic(), record.partition(), record.offset(), event.getString("id"),
          event.getString("type"), task.getJsonNumber("id").longValue(), task.getString("title", null),
          java.time.Instant.ofEpochMilli(record.timestamp())));
    } catch (RuntimeException e) {
      // not a task event of ours
    }
  }

  List<ChaosAudit.Delivered> delivered() {
    return List.copyOf(delivered);
  }

  /** Whether the reader has consumed everything the topics held at some moment after {@code nanos}. */
  boolean caughtUpSince(long nanos) {
    return caughtUpAt - nanos > 0;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(10_000);
  }
}
