package dev.taskflow.desktop.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The desktop's own Kafka credentials: a Kafka client properties file, the format Kafka's console
 * tools take with {@code --command-config} ({@code bootstrap.servers}, {@code security.protocol},
 * {@code sasl.mechanism}, {@code sasl.jaas.config}, the truststore). Kafka mode is refused without
 * SASL: a bare bootstrap address is exactly what a secured broker must not be reached with.
 *
 * <p>Problems are one sentence naming the file and the key; no message ever quotes a value that
 * can hold a secret (the JAAS config, passwords).
 */
public final class KafkaClientSettings {

  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String SECURITY_PROTOCOL = "security.protocol";
  public static final String SASL_MECHANISM = "sasl.mechanism";
  public static final String SASL_JAAS_CONFIG = "sasl.jaas.config";
  public static final String TRUSTSTORE_LOCATION = "ssl.truststore.location";

  /** SASL_SSL is what the broker offers; SASL_PLAINTEXT is the operator's choice (no TLS), allowed. */
  static final Set<String> ACCEPTED_PROTOCOLS = Set.of("SASL_SSL", "SASL_PLAINTEXT");
  private static final Set<String> KNOWN_PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");

  private static final String PREFIX = "Kafka mode needs credentials: ";
  private static final String SUFFIX = " (leave the Kafka setting empty to use the server's stream)";

  private KafkaClientSettings() {}

  /** Thrown by {@link #load(String)}; the message is the one sentence {@link #problem(String)} gives. */
  public static final class InvalidException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidException(String message) {
      super(message);
    }
  }

  /**
   * The client properties in {@code path}, checked: the file exists and is readable, names the
   * bootstrap servers, and authenticates with SASL ({@code security.protocol} SASL_SSL or
   * SASL_PLAINTEXT, {@code sasl.mechanism} and {@code sasl.jaas.config} set).
   *
   * @throws InvalidException when not, with a sentence naming the file and the key
   */
  public static Properties load(String path) {
    Path file = resolve(path);
    if (!Files.exists(file)) {
      throw invalid(file, "does not exist");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw invalid(file, "is not a readable file");
    }
    Properties properties = new Properties();
    // As Kafka's tools read it (Utils.loadProps): a byte stream, ISO 8859-1 with Unicode escapes.
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(in);
    } catch (IOException | IllegalArgumentException e) {
      // The kind of failure only (e.g. a malformed escape), never the content.
      throw invalid(file, "cannot be read as a properties file (" + e.getClass().getSimpleName() + ")");
    }
    if (blank(properties, BOOTSTRAP_SERVERS)) {
      throw invalid(file, "has no " + BOOTSTRAP_SERVERS);
    }
    if (blank(properties, SECURITY_PROTOCOL)) {
      throw invalid(file, "has no " + SECURITY_PROTOCOL + " (it must be SASL_SSL)");
    }
    String protocol = properties.getProperty(SECURITY_PROTOCOL).strip().toUpperCase(Locale.ROOT);
    if (!ACCEPTED_PROTOCOLS.contains(protocol)) {
      throw invalid(file, "has " + (KNOWN_PROTOCOLS.contains(protocol) ? SECURITY_PROTOCOL + "=" + protocol
          : "an unknown " + SECURITY_PROTOCOL) + "; it must be SASL_SSL");
    }
    if (blank(properties, SASL_MECHANISM)) {
      throw invalid(file, "has no " + SASL_MECHANISM);
    }
    if (blank(properties, SASL_JAAS_CONFIG)) {
      throw invalid(file, "has no " + SASL_JAAS_CONFIG);
    }
    if (!blank(properties, TRUSTSTORE_LOCATION)) {
      Path truststore;
      try {
        truststore = Path.of(properties.getProperty(TRUSTSTORE_LOCATION).strip());
      } catch (InvalidPathException e) {
        throw invalid(file, "has an " + TRUSTSTORE_LOCATION + " that is not a valid path");
      }
      if (!Files.isReadable(truststore)) {
        throw invalid(file, "has " + TRUSTSTORE_LOCATION + "=" + truststore + ", which is not a readable file");
      }
    }
    return properties;
  }

  /** What is wrong with the client properties in {@code path}, or null when Kafka mode can use them. */
  public static String problem(String path) {
    try {
      load(path);
      return null;
    } catch (InvalidException e) {
      return e.getMessage();
    }
  }

  private static Path resolve(String path) {
    if (path == null || path.isBlank()) {
      throw new InvalidException(PREFIX + "no client properties file is named" + SUFFIX);
    }
    try {
      return Path.of(path.strip()).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new InvalidException(PREFIX + "\"" + path.strip() + "\" is not a valid file path" + SUFFIX);
    }
  }

  private static boolean blank(Properties properties, String key) {
    String value = properties.getProperty(key);
    return value == null || value.isBlank();
  }

  private static InvalidException invalid(Path file, String what) {
    return new InvalidException(PREFIX + file + " " + what + SUFFIX);
  }
}
