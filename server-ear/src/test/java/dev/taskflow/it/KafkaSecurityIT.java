package dev.taskflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The test broker as an outsider and as each of our own principals sees it (SECURITY.md, "The
 * broker"): SASL/SCRAM-SHA-512 over TLS only, and each principal may do only what it needs.
 */
class KafkaSecurityIT {

  static final List<String> OUR_TOPICS = List.of("task-events", "task-reminders", "task-recurrence");

  @Test
  void anAnonymousPlaintextClientCannotListTheTopics() {
    Map<String, Object> anonymous = quick(new Properties());
    anonymous.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    try (Admin admin = Admin.create(anonymous)) {
      assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
          .as("a plaintext client on the SASL_SSL port gets nothing");
    }
  }

  @Test
  void aTlsClientWithoutSaslCannotListTheTopics() {
    Properties tlsOnly = KafkaClients.operator();
    tlsOnly.remove("sasl.mechanism");
    tlsOnly.remove("sasl.jaas.config");
    tlsOnly.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
    try (Admin admin = Admin.create(quick(tlsOnly))) {
      assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
          .as("TLS without a SASL login gets nothing");
    }
  }

  @Test
  void aWrongPasswordIsRefused() {
    Properties wrong = withPassword(KafkaClients.server(), "taskflow", "not-the-password");
    try (Admin admin = Admin.create(quick(wrong))) {
      assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void anUnknownUserIsRefused() {
    Properties stranger = withPassword(KafkaClients.server(), "mallory", "guess");
    try (Admin admin = Admin.create(quick(stranger))) {
      assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void theServerSeesItsTopicsButMayNotDeleteThemNorTouchOthers() throws Exception {
    try (Admin admin = Admin.create(quick(KafkaClients.server()))) {
      assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
          .as("the server's principal works for what it needs").containsAll(OUR_TOPICS);

      assertThatThrownBy(() -> admin.deleteTopics(List.of("task-events")).all().get(10, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(TopicAuthorizationException.class);
      assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("not-ours", 1, (short) 1))).all()
              .get(10, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(TopicAuthorizationException.class);
      assertThatThrownBy(() -> admin.describeAcls(AclBindingFilter.ANY).values().get(10, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(ClusterAuthorizationException.class);
    }
    try (Admin admin = Admin.create(quick(KafkaClients.operator()))) {
      assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).as("nothing was deleted").containsAll(OUR_TOPICS)
          .doesNotContain("not-ours");
    }
  }

  @Test
  void theServerMayNotJoinAnotherGroup() {
    assertThatThrownBy(() -> pollAs(KafkaClients.server(), "someone-elses-group", "task-events"))
        .isInstanceOf(GroupAuthorizationException.class);
  }

  @Test
  void theDesktopMayNeitherWriteNorJoinTheServersGroup() {
    // An idempotent producer with no Write anywhere is refused its producer id (cluster) or the
    // topic's metadata first, whichever it asks first; a plain one its writes (topic).
    assertThatThrownBy(() -> sendAs(KafkaClients.desktop(), "task-recurrence", true))
        .hasRootCauseInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> sendAs(KafkaClients.desktop(), "task-recurrence", false))
        .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    assertThatThrownBy(() -> sendAs(KafkaClients.desktop(), "task-reminders", false))
        .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    assertThatThrownBy(() -> pollAs(KafkaClients.desktop(), "recurring-task-service-group", "task-reminders"))
        .isInstanceOf(GroupAuthorizationException.class);
    assertThatThrownBy(() -> pollAs(KafkaClients.desktop(), "taskflow-desktop-" + java.util.UUID.randomUUID(),
            "task-recurrence"))
        .isInstanceOf(TopicAuthorizationException.class);
  }

  private static void sendAs(Properties client, String topic, boolean idempotent) throws Exception {
    Properties props = new Properties();
    props.putAll(client);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotent);
    if (!idempotent) {
      props.put(ProducerConfig.ACKS_CONFIG, "1");
    }
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      producer.send(new ProducerRecord<>(topic, "1", "{\"forged\": true}")).get(15, TimeUnit.SECONDS);
    }
  }

  private static void pollAs(Properties client, String group, String topic) {
    Properties props = new Properties();
    props.putAll(client);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500));
      }
    }
    throw new AssertionError("polled " + topic + " in group " + group + " for 20 s without being refused");
  }

  private static Properties withPassword(Properties client, String user, String password) {
    Properties props = new Properties();
    props.putAll(client);
    props.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user + "\" password=\"" + password + "\";");
    return props;
  }

  private static Map<String, Object> quick(Properties client) {
    Map<String, Object> map = new HashMap<>();
    client.forEach((key, value) -> map.put((String) key, value));
    map.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
    map.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 6_000);
    map.put(AdminClientConfig.RETRIES_CONFIG, 1);
    return map;
  }

  private static String bootstrap() {
    return KafkaClients.operator().getProperty("bootstrap.servers");
  }
}
