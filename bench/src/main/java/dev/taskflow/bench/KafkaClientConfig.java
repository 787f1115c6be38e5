package dev.taskflow.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The broker takes only SASL/SCRAM over TLS: the benchmark and the fault suite connect with a client
 * properties file ({@code --kafka-config}, written by {@code ./taskflow} as the profile's {@code
 * kafka-auth/admin.properties}), the same file Kafka's own tools take.
 */
final class KafkaClientConfig {

  private KafkaClientConfig() {}

  /** A fresh copy of the file's settings (bootstrap, security protocol, SASL, truststore). */
  static Properties load(String file) {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(file))) {
      props.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Kafka client settings " + file, e);
    }
    if (props.getProperty("bootstrap.servers") == null) {
      throw new IllegalArgumentException(file + " has no bootstrap.servers");
    }
    return props;
  }
}
