package dev.taskflow.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the broker is and how our topics look. Every value comes from MicroProfile Config, so an
 * environment variable overrides it (e.g. {@code KAFKA_BOOTSTRAP_SERVERS}).
 */
@ApplicationScoped
public class KafkaSettings {

  /**
   * Client security settings passed through when set, each as {@code kafka.<name>} (environment:
   * {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_JAAS_CONFIG}, ...).
   */
  private static final List<String> PASSED_THROUGH =
      List.of(
          "security.protocol",
          "sasl.mechanism",
          "sasl.jaas.config",
          "ssl.truststore.location",
          "ssl.truststore.password",
          "ssl.truststore.type",
          "ssl.endpoint.identification.algorithm");

  @Inject
  @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
  String bootstrapServers;

  @Inject
  @ConfigProperty(name = "taskflow.topics.partitions", defaultValue = "3")
  int partitions;

  @Inject
  @ConfigProperty(name = "taskflow.topics.replication-factor", defaultValue = "1")
  short replicationFactor;

  @Inject
  @ConfigProperty(name = "taskflow.topic.events", defaultValue = "task-events")
  String eventsTopic;

  @Inject
  @ConfigProperty(name = "taskflow.topic.reminders", defaultValue = "task-reminders")
  String remindersTopic;

  @Inject
  @ConfigProperty(name = "taskflow.topic.recurrence", defaultValue = "task-recurrence")
  String recurrenceTopic;

  @Inject Config config;

  public List<String> topics() {
    return List.of(eventsTopic, remindersTopic, recurrenceTopic);
  }

  public int partitions() {
    return partitions;
  }

  public short replicationFactor() {
    return replicationFactor;
  }

  /** Settings for an admin client that gives up quickly when the broker is away. */
  public Map<String, Object> adminClientConfig() {
    Map<String, Object> props = new HashMap<>();
    for (String name : PASSED_THROUGH) {
      config.getOptionalValue("kafka." + name, String.class).ifPresent(value -> props.put(name, value));
    }
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
    props.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    props.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
    props.put(CommonClientConfigs.CLIENT_ID_CONFIG, "taskflow-admin");
    return props;
  }
}
