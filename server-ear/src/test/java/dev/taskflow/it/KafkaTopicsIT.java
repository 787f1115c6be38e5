package dev.taskflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The application created its topics on the real broker at start-up (the broker does not auto-create). */
class KafkaTopicsIT {

  static final List<String> TOPICS = List.of("task-events", "task-reminders", "task-recurrence");

  @Test
  void topicsExistWithTheConfiguredPartitions() {
    try (Admin admin =
        Admin.create(
            KafkaClients.operatorWith(Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000)))) {
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(() -> assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).containsAll(TOPICS));

      Map<String, TopicDescription> topics = admin.describeTopics(TOPICS).allTopicNames().get(10, TimeUnit.SECONDS);
      topics.values().forEach(topic -> assertThat(topic.partitions()).as(topic.name()).hasSize(3));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
