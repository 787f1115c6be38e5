package dev.taskflow.desktop.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientConfigTest {

  static String jwt(String claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
  }

  static final String TOKEN = jwt("{\"sub\":\"alice\",\"exp\":1900000000}");

  @TempDir
  Path dir;

  @Test
  void readsTheUserAndExpiryFromTheToken() {
    TokenClaims claims = TokenClaims.parse(TOKEN);
    assertThat(claims.subject()).isEqualTo("alice");
    assertThat(claims.expiresAt().getEpochSecond()).isEqualTo(1900000000L);
    assertThat(TokenClaims.parse("abc")).isNull();
    assertThat(TokenClaims.parse(jwt("{\"exp\":1}"))).isNull();
    assertThat(TokenClaims.parse("a.%%%.c")).isNull();
  }

  @Test
  void saysWhatIsMissingOrWrong() {
    assertThat(new ClientConfig("", TOKEN, "").problem()).isEqualTo("The server URL is required");
    assertThat(new ClientConfig("localhost:9080", TOKEN, "").problem()).contains("http://");
    assertThat(new ClientConfig("http://localhost:9080", "", "").problem()).contains("./taskflow token");
    assertThat(new ClientConfig("http://localhost:9080", "x", "").problem()).contains("not a JWT");
    assertThat(new ClientConfig("http://localhost:9080", jwt("{\"sub\":\"a\",\"exp\":1000}"), "").problem())
        .isEqualTo("The token expired at 1970-01-01T00:16:40Z; get a new one (./taskflow token <user>)");
    ClientConfig ok = new ClientConfig(" http://localhost:9080 ", TOKEN, "");
    assertThat(ok.isComplete()).isTrue();
    assertThat(ok.hasKafkaConfig()).isFalse();
    assertThat(new ClientConfig("http://localhost:9080", TOKEN, "   ").hasKafkaConfig()).isFalse();
  }

  @Test
  void kafkaModeNeedsAFileWithCredentials() throws Exception {
    Path missing = dir.resolve("missing.properties");
    ClientConfig noFile = new ClientConfig("http://localhost:9080", TOKEN, missing.toString());
    assertThat(noFile.hasKafkaConfig()).isTrue();
    assertThat(noFile.isComplete()).isFalse();
    assertThat(noFile.problem()).isEqualTo("Kafka mode needs credentials: " + missing
        + " does not exist (leave the Kafka setting empty to use the server's stream)");

    Path bare = KafkaClientSettingsTest.write(dir, "bare.properties", "bootstrap.servers=localhost:9092");
    assertThat(new ClientConfig("http://localhost:9080", TOKEN, bare.toString()).problem())
        .isEqualTo("Kafka mode needs credentials: " + bare
            + " has no security.protocol (it must be SASL_SSL) (leave the Kafka setting empty to use the server's stream)");

    Path noJaas = KafkaClientSettingsTest.write(dir, "nojaas.properties", "bootstrap.servers=localhost:9092",
        "security.protocol=SASL_SSL", "sasl.mechanism=SCRAM-SHA-512");
    assertThat(new ClientConfig("http://localhost:9080", TOKEN, noJaas.toString()).problem())
        .contains(noJaas + " has no sasl.jaas.config");

    Path good = KafkaClientSettingsTest.write(dir, "good.properties", "bootstrap.servers=localhost:9092",
        "security.protocol=SASL_SSL", "sasl.mechanism=SCRAM-SHA-512",
        "sasl.jaas.config=" + KafkaClientSettingsTest.JAAS);
    ClientConfig kafka = new ClientConfig("http://localhost:9080", TOKEN, " " + good + " ");
    assertThat(kafka.kafkaConfig()).isEqualTo(good.toString());
    assertThat(kafka.problem()).isNull();
    assertThat(kafka.isComplete()).isTrue();
    assertThat(kafka.hasKafkaConfig()).isTrue();
  }

  @Test
  void theServerAndTokenProblemsComeFirst() {
    assertThat(new ClientConfig("", TOKEN, dir.resolve("missing.properties").toString()).problem())
        .isEqualTo("The server URL is required");
  }

  @Test
  void environmentVariablesWinOverTheSavedFile() throws Exception {
    Path file = dir.resolve("taskflow/desktop.properties");
    ConfigStore store = new ConfigStore(file, Map.of(ConfigStore.ENV_SERVER_URL, "http://env:9080"));
    store.save(new ClientConfig("http://saved:9080", TOKEN, "/etc/taskflow/kafka.properties"));

    ClientConfig loaded = store.load();

    assertThat(loaded.serverUrl()).isEqualTo("http://env:9080");
    assertThat(loaded.token()).isEqualTo(TOKEN);
    assertThat(loaded.kafkaConfig()).isEqualTo("/etc/taskflow/kafka.properties");
    assertThat(saved(file).getProperty("kafkaConfig")).isEqualTo("/etc/taskflow/kafka.properties");

    ClientConfig fromEnvironment = new ConfigStore(file,
        Map.of(ConfigStore.ENV_KAFKA_CONFIG, "/home/me/desktop.properties")).load();
    assertThat(ConfigStore.ENV_KAFKA_CONFIG).isEqualTo("TASKFLOW_KAFKA_CONFIG");
    assertThat(fromEnvironment.kafkaConfig()).isEqualTo("/home/me/desktop.properties");
    assertThat(fromEnvironment.serverUrl()).isEqualTo("http://saved:9080");
  }

  @Test
  void theOldBareBootstrapSettingIsIgnoredWithAWarning() throws Exception {
    Path file = dir.resolve("taskflow/desktop.properties");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "serverUrl=http\\://saved\\:9080\ntoken=" + TOKEN + "\nkafkaBootstrapServers=localhost\\:9092\n");
    List<String> warnings = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        warnings.add(record.getLevel() + " " + record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger(ConfigStore.class.getName());
    logger.addHandler(handler);
    try {
      ClientConfig loaded = new ConfigStore(file, Map.of()).load();
      assertThat(loaded.serverUrl()).isEqualTo("http://saved:9080");
      assertThat(loaded.kafkaConfig()).isEmpty();
      assertThat(loaded.hasKafkaConfig()).isFalse();
      assertThat(loaded.isComplete()).isTrue();
      assertThat(warnings).singleElement().asString()
          .startsWith("WARNING Ignored kafkaBootstrapServers in " + file)
          .contains("TASKFLOW_KAFKA_CONFIG");

      warnings.clear();
      ClientConfig viaEnvironment = new ConfigStore(dir.resolve("none.properties"),
          Map.of("TASKFLOW_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")).load();
      assertThat(viaEnvironment.kafkaConfig()).isEmpty();
      assertThat(warnings).singleElement().asString()
          .startsWith("WARNING Ignored the variable TASKFLOW_KAFKA_BOOTSTRAP_SERVERS");

      // Saving writes the new key only: the old one is gone from the file.
      new ConfigStore(file, Map.of()).save(loaded);
      assertThat(saved(file).stringPropertyNames()).containsExactlyInAnyOrder("serverUrl", "token", "kafkaConfig");

      warnings.clear();
      new ConfigStore(file, Map.of("TASKFLOW_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092",
          ConfigStore.ENV_KAFKA_CONFIG, "/x.properties")).load();
      assertThat(warnings).as("no warning when a client properties file is set").isEmpty();
    } finally {
      logger.removeHandler(handler);
    }
  }

  private static Properties saved(Path file) throws Exception {
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    }
    return properties;
  }

  @Test
  void theSavedFileIsReadableByItsOwnerOnly() throws Exception {
    Path file = dir.resolve("taskflow/desktop.properties");
    new ConfigStore(file, Map.of()).save(new ClientConfig("http://a:1", TOKEN, ""));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void nothingSavedAndNoEnvironmentMeansIncomplete() {
    assertThat(new ConfigStore(dir.resolve("none.properties"), Map.of()).load().isComplete()).isFalse();
  }
}
