package dev.taskflow.desktop.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The connection settings: environment variables win over the file in the user's config folder
 * ({@code $XDG_CONFIG_HOME/taskflow/desktop.properties}, default {@code ~/.config/...}); the
 * first-run dialog writes that file, readable by its owner only because it holds a token.
 */
public final class ConfigStore {

  public static final String ENV_SERVER_URL = "TASKFLOW_SERVER_URL";
  public static final String ENV_TOKEN = "TASKFLOW_TOKEN";
  /** The path of a Kafka client properties file (the desktop's own credentials); see {@link KafkaClientSettings}. */
  public static final String ENV_KAFKA_CONFIG = "TASKFLOW_KAFKA_CONFIG";

  static final String KEY_SERVER_URL = "serverUrl";
  static final String KEY_TOKEN = "token";
  static final String KEY_KAFKA_CONFIG = "kafkaConfig";

  /**
   * The former bare bootstrap setting, variable and key: no longer read, since Kafka without the
   * desktop's own credentials is refused. Seen, it is ignored with a warning.
   */
  static final String OLD_ENV_KAFKA = "TASKFLOW_KAFKA_BOOTSTRAP_SERVERS";
  static final String OLD_KEY_KAFKA = "kafkaBootstrapServers";

  private static final Logger LOG = Logger.getLogger(ConfigStore.class.getName());

  private final Path file;
  private final Map<String, String> environment;

  public ConfigStore(Path file, Map<String, String> environment) {
    this.file = file;
    this.environment = environment;
  }

  public static ConfigStore forCurrentUser() {
    Map<String, String> env = System.getenv();
    String xdg = env.get("XDG_CONFIG_HOME");
    Path folder = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
    return new ConfigStore(folder.resolve("taskflow").resolve("desktop.properties"), env);
  }

  public Path file() {
    return file;
  }

  public ClientConfig load() {
    Properties saved = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader reader = Files.newBufferedReader(file)) {
        saved.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
    ClientConfig config = new ClientConfig(
        pick(ENV_SERVER_URL, saved.getProperty(KEY_SERVER_URL)),
        pick(ENV_TOKEN, saved.getProperty(KEY_TOKEN)),
        pick(ENV_KAFKA_CONFIG, saved.getProperty(KEY_KAFKA_CONFIG)));
    if (!config.hasKafkaConfig()) {
      warnIfTheOldKafkaSettingIsSet(saved);
    }
    return config;
  }

  /** A bare bootstrap address is not enough for Kafka mode any more: say why it is not used. */
  private void warnIfTheOldKafkaSettingIsSet(Properties saved) {
    String where;
    if (!isBlank(environment.get(OLD_ENV_KAFKA))) {
      where = "the variable " + OLD_ENV_KAFKA;
    } else if (!isBlank(saved.getProperty(OLD_KEY_KAFKA))) {
      where = OLD_KEY_KAFKA + " in " + file;
    } else {
      return;
    }
    LOG.warning("Ignored " + where + ": Kafka mode needs a client properties file with the desktop's credentials ("
        + ENV_KAFKA_CONFIG + ", or " + KEY_KAFKA_CONFIG + " in the settings); live updates come from the server's event stream");
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  public void save(ClientConfig config) {
    Properties properties = new Properties();
    properties.setProperty(KEY_SERVER_URL, config.serverUrl());
    properties.setProperty(KEY_TOKEN, config.token());
    properties.setProperty(KEY_KAFKA_CONFIG, config.kafkaConfig());
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.createFile(file);
      }
      restrictToOwner();
      try (Writer writer = Files.newBufferedWriter(file)) {
        properties.store(writer, "Taskflow desktop client");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  private void restrictToOwner() throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the platform's defaults apply.
    }
  }

  private String pick(String variable, String saved) {
    String value = environment.get(variable);
    return !isBlank(value) ? value : saved;
  }
}
