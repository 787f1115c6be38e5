package dev.taskflow.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
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
  static final List<String> PASSED_THROUGH =
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

  public String eventsTopic() {
    return eventsTopic;
  }

  public String remindersTopic() {
    return remindersTopic;
  }

  public String recurrenceTopic() {
    return recurrenceTopic;
  }

  public int partitions() {
    return partitions;
  }

  public short replicationFactor() {
    return replicationFactor;
  }

  /** Settings for an admin client that gives up quickly when the broker is away. */
  public Map<String, Object> adminClientConfig() {
    Map<String, Object> props = clientConfig("taskflow-admin");
    props.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
    props.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    return props;
  }

  /**
   * The outbox relay's producer: idempotent with {@code acks=all}; one request in flight, so the
   * relay can stop at the first failure before anything behind it is sent; bounded blocking and
   * delivery time, so an absent broker fails a batch quickly instead of holding the relay.
   */
  public Map<String, Object> producerConfig() {
    Map<String, Object> props = clientConfig("taskflow-outbox-relay");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
    props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 100);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return props;
  }

  private Map<String, Object> clientConfig(String clientId) {
    Map<String, Object> props = new HashMap<>();
    for (String name : PASSED_THROUGH) {
      config.getOptionalValue("kafka." + name, String.class).ifPresent(value -> props.put(name, value));
    }
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
    props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
    return props;
  }
}
