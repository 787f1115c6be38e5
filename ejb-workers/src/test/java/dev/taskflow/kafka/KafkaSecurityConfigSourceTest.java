package dev.taskflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSecurityConfigSourceTest {

  @Test
  void passesTheSecuritySettingsThatAreSetToTheRecurrenceChannel() {
    Map<String, String> env = Map.of(
        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
        "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
        "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
        "KAFKA_SSL_TRUSTSTORE_LOCATION", " ",
        "UNRELATED", "x");
    KafkaSecurityConfigSource source = new KafkaSecurityConfigSource(env::get, Map.of(
        "kafka.sasl.mechanism", "PLAIN")::get);

    assertThat(source.getProperties()).containsOnly(
        Map.entry("mp.messaging.incoming.task-recurrence.security.protocol", "SASL_SSL"),
        Map.entry("mp.messaging.incoming.task-recurrence.sasl.mechanism", "PLAIN"),
        Map.entry("mp.messaging.incoming.task-recurrence.sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required;"));
    assertThat(source.getOrdinal()).isBetween(101, 299);
  }

  @Test
  void aPlaintextBrokerNeedsNothing() {
    KafkaSecurityConfigSource source = new KafkaSecurityConfigSource(name -> null, name -> null);
    assertThat(source.getPropertyNames()).isEmpty();
    assertThat(source.getValue("mp.messaging.incoming.task-recurrence.security.protocol")).isNull();
  }
}
