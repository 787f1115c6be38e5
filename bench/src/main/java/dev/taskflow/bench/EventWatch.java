package dev.taskflow.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches a topic from its current end, on its own thread, handing each CloudEvent of a user to a
 * callback with the time it arrived (System.currentTimeMillis()).
 */
final class EventWatch implements AutoCloseable {

  private final KafkaConsumer<String, String> consumer;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean assigned;

  EventWatch(String kafkaConfig, String topic, String user, BiConsumer<JsonObject, Long> onEvent) {
    Properties p = KafkaClientConfig.load(kafkaConfig);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumer = new KafkaConsumer<>(p);
    consumer.subscribe(List.of(topic));
    thread = new Thread(() -> {
      while (running) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
          long now = System.currentTimeMillis();
          try (JsonReader reader = Json.createReader(new StringReader(record.value()))) {
            JsonObject event = reader.readObject();
            if (user.equals(event.getJsonObject("data").getString("userId", ""))) {
              onEvent.accept(event, now);
            }
          } catch (RuntimeException e) {
            // not ours to judge: skip
          }
        }
        if (!consumer.assignment().isEmpty()) {
          consumer.assignment().forEach(consumer::position); // resolve "latest" now, before the load starts
          assigned = true;
        }
      }
      consumer.close(Duration.ofSeconds(2));
    }, "bench-watch-" + topic);
    thread.setDaemon(true);
    thread.start();
  }

  /** Blocks until the consumer holds its partitions and knows where it starts. */
  EventWatch awaitAssigned() {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!assigned) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("the bench consumer got no partitions within 60 s");
      }
      java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
    }
    return this;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(10_000);
  }
}
