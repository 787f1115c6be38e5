package dev.taskflow.it;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Client settings for the test broker, which takes only SASL/SCRAM over TLS: the property files
 * {@code ./taskflow} writes into the profile's {@code kafka-auth/} folder (system property {@code
 * taskflow.kafka.auth}), one per principal. The tests read and replay as the operator ({@code
 * User:admin}); {@link KafkaSecurityIT} also connects as the server and the desktop, to show what
 * each may not do.
 */
final class KafkaClients {

  private KafkaClients() {}

  static Path authFolder() {
    return Path.of(System.getProperty("taskflow.kafka.auth", ".taskflow/test/kafka-auth"));
  }

  /** The operator (super user): what the tests use to look at topics. */
  static Properties operator() {
    return load("admin.properties");
  }

  /** The server's own principal, {@code User:taskflow}. */
  static Properties server() {
    return load("taskflow.properties");
  }

  /** The single-user desktop's principal, {@code User:taskflow-desktop}. */
  static Properties desktop() {
    return load("desktop.properties");
  }

  /** The operator's settings plus {@code extra}, as the map Kafka's Admin wants. */
  static Map<String, Object> operatorWith(Map<String, Object> extra) {
    Properties props = operator();
    props.putAll(extra);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<String, Object> map = (Map) props;
    return map;
  }

  static Properties load(String name) {
    Path file = authFolder().resolve(name);
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      props.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("No Kafka client settings at " + file + " (./taskflow test writes them)", e);
    }
    return props;
  }
}
