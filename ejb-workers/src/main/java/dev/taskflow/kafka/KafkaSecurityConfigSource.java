package dev.taskflow.kafka;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands the Kafka client security settings ({@code KAFKA_SECURITY_PROTOCOL}, {@code
 * KAFKA_SASL_JAAS_CONFIG}, ...) to the recurrence consumer's channel as well. The outbox producer
 * and the admin client read them through {@link KafkaSettings}; the Reactive Messaging connector
 * reads only {@code mp.messaging.incoming.task-recurrence.*}, and a properties file cannot say
 * "only when set" (an empty {@code sasl.jaas.config} would break the client). Set nothing, get
 * nothing: a plaintext broker needs no setting.
 */
public class KafkaSecurityConfigSource implements ConfigSource {

  static final String CHANNEL_PREFIX = "mp.messaging.incoming.task-recurrence.";

  private final Map<String, String> properties;

  public KafkaSecurityConfigSource() {
    this(System::getenv, System::getProperty);
  }

  KafkaSecurityConfigSource(Function<String, String> environment, Function<String, String> systemProperties) {
    Map<String, String> found = new HashMap<>();
    for (String name : KafkaSettings.PASSED_THROUGH) {
      String property = "kafka." + name;
      String value = systemProperties.apply(property);
      if (value == null) {
        value = environment.apply(property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
      }
      if (value != null && !value.isBlank()) {
        found.put(CHANNEL_PREFIX + name, value);
      }
    }
    this.properties = Map.copyOf(found);
  }

  @Override
  public Map<String, String> getProperties() {
    return properties;
  }

  @Override
  public Set<String> getPropertyNames() {
    return properties.keySet();
  }

  @Override
  public String getValue(String propertyName) {
    return properties.get(propertyName);
  }

  @Override
  public String getName() {
    return "taskflow-kafka-security";
  }

  /** Above microprofile-config.properties (100), below environment variables (300). */
  @Override
  public int getOrdinal() {
    return 250;
  }
}
