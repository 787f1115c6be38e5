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

/**
 * The connection settings: environment variables win over the file in the user's config folder
 * ({@code $XDG_CONFIG_HOME/taskflow/desktop.properties}, default {@code ~/.config/...}); the
 * first-run dialog writes that file, readable by its owner only because it holds a token.
 */
public final class ConfigStore {

  public static final String ENV_SERVER_URL = "TASKFLOW_SERVER_URL";
  public static final String ENV_TOKEN = "TASKFLOW_TOKEN";
  public static final String ENV_KAFKA = "TASKFLOW_KAFKA_BOOTSTRAP_SERVERS";

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
    return new ClientConfig(
        pick(ENV_SERVER_URL, saved.getProperty("serverUrl")),
        pick(ENV_TOKEN, saved.getProperty("token")),
        pick(ENV_KAFKA, saved.getProperty("kafkaBootstrapServers")));
  }

  public void save(ClientConfig config) {
    Properties properties = new Properties();
    properties.setProperty("serverUrl", config.serverUrl());
    properties.setProperty("token", config.token());
    properties.setProperty("kafkaBootstrapServers", config.kafkaBootstrapServers());
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
    return value != null && !value.isBlank() ? value : saved;
  }
}
