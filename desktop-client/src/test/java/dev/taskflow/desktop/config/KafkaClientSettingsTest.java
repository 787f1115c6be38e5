package dev.taskflow.desktop.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientSettingsTest {

  static final String PASSWORD = "s3cr3t-Pa55word";
  static final String JAAS =
      "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"taskflow-desktop\" password=\""
          + PASSWORD + "\";";
  static final String SUFFIX = " (leave the Kafka setting empty to use the server's stream)";

  @TempDir
  Path dir;

  /** A file of these lines. */
  static Path write(Path dir, String name, String... lines) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  /** A client properties file like the one ./taskflow writes for the desktop. */
  Path good(String name, String protocol) throws Exception {
    Path truststore = Files.writeString(dir.resolve("truststore.p12"), "not really a store");
    return write(dir, name,
        "# the desktop's own credentials",
        "bootstrap.servers=127.0.0.1:9092",
        "security.protocol=" + protocol,
        "sasl.mechanism=SCRAM-SHA-512",
        "sasl.jaas.config=" + JAAS,
        "ssl.truststore.location=" + truststore,
        "ssl.truststore.type=PKCS12",
        "ssl.truststore.password=" + PASSWORD);
  }

  private static String problemOf(Path file) {
    String problem = KafkaClientSettings.problem(file.toString());
    assertThat(problem).isNotNull().doesNotContain(PASSWORD).doesNotContain("ScramLoginModule");
    assertThatThrownBy(() -> KafkaClientSettings.load(file.toString()))
        .isInstanceOf(KafkaClientSettings.InvalidException.class).hasMessage(problem);
    return problem;
  }

  @Test
  void aGoodFileIsLoadedWithAllItsSettings() throws Exception {
    Path file = good("desktop.properties", "SASL_SSL");

    assertThat(KafkaClientSettings.problem(file.toString())).isNull();
    Properties loaded = KafkaClientSettings.load(" " + file + " ");

    assertThat(loaded.getProperty("bootstrap.servers")).isEqualTo("127.0.0.1:9092");
    assertThat(loaded.getProperty("security.protocol")).isEqualTo("SASL_SSL");
    assertThat(loaded.getProperty("sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
    assertThat(loaded.getProperty("sasl.jaas.config")).isEqualTo(JAAS);
    assertThat(loaded.getProperty("ssl.truststore.type")).isEqualTo("PKCS12");
    assertThat(loaded.getProperty("ssl.truststore.password")).isEqualTo(PASSWORD);
    assertThat(loaded.stringPropertyNames()).hasSize(7);
  }

  @Test
  void saslWithoutTlsIsTheOperatorsChoiceAndTheProtocolIsCaseInsensitive() throws Exception {
    assertThat(KafkaClientSettings.problem(good("plain.properties", "SASL_PLAINTEXT").toString())).isNull();
    assertThat(KafkaClientSettings.problem(good("lower.properties", "sasl_ssl").toString())).isNull();
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nowhere/desktop.properties");
    assertThat(problemOf(missing))
        .isEqualTo("Kafka mode needs credentials: " + missing + " does not exist" + SUFFIX);
  }

  @Test
  void aFolderIsNotAFile() {
    assertThat(problemOf(dir)).isEqualTo("Kafka mode needs credentials: " + dir + " is not a readable file" + SUFFIX);
  }

  @Test
  void aRelativePathIsShownAbsolute() {
    String problem = KafkaClientSettings.problem("no-such-dir/x.properties");
    assertThat(problem).contains(Path.of("no-such-dir/x.properties").toAbsolutePath().toString() + " does not exist");
  }

  @Test
  void plaintextAndTlsWithoutSaslAreRefused() throws Exception {
    Path plaintext = write(dir, "plaintext.properties", "bootstrap.servers=localhost:9092",
        "security.protocol=PLAINTEXT", "sasl.mechanism=SCRAM-SHA-512", "sasl.jaas.config=" + JAAS);
    assertThat(problemOf(plaintext)).isEqualTo("Kafka mode needs credentials: " + plaintext
        + " has security.protocol=PLAINTEXT; it must be SASL_SSL" + SUFFIX);

    Path ssl = write(dir, "ssl.properties", "bootstrap.servers=localhost:9092", "security.protocol=SSL",
        "sasl.mechanism=SCRAM-SHA-512", "sasl.jaas.config=" + JAAS);
    assertThat(problemOf(ssl)).contains(ssl + " has security.protocol=SSL; it must be SASL_SSL");
  }

  @Test
  void aMissingOrUnknownProtocolIsRefused() throws Exception {
    Path none = write(dir, "none.properties", "bootstrap.servers=localhost:9092",
        "sasl.mechanism=SCRAM-SHA-512", "sasl.jaas.config=" + JAAS);
    assertThat(problemOf(none)).isEqualTo("Kafka mode needs credentials: " + none
        + " has no security.protocol (it must be SASL_SSL)" + SUFFIX);

    // An unknown value is not echoed: it could be anything the operator pasted there.
    Path odd = write(dir, "odd.properties", "bootstrap.servers=localhost:9092", "security.protocol=" + PASSWORD,
        "sasl.mechanism=SCRAM-SHA-512", "sasl.jaas.config=" + JAAS);
    assertThat(problemOf(odd)).contains(odd + " has an unknown security.protocol; it must be SASL_SSL");
  }

  @Test
  void theJaasConfigIsRequired() throws Exception {
    Path noJaas = write(dir, "nojaas.properties", "bootstrap.servers=localhost:9092",
        "security.protocol=SASL_SSL", "sasl.mechanism=SCRAM-SHA-512");
    assertThat(problemOf(noJaas)).isEqualTo("Kafka mode needs credentials: " + noJaas + " has no sasl.jaas.config"
        + SUFFIX);

    Path blankJaas = write(dir, "blankjaas.properties", "bootstrap.servers=localhost:9092",
        "security.protocol=SASL_SSL", "sasl.mechanism=SCRAM-SHA-512", "sasl.jaas.config=   ");
    assertThat(problemOf(blankJaas)).contains(blankJaas + " has no sasl.jaas.config");
  }

  @Test
  void theMechanismAndTheBootstrapServersAreRequired() throws Exception {
    Path noMechanism = write(dir, "nomech.properties", "bootstrap.servers=localhost:9092",
        "security.protocol=SASL_SSL", "sasl.jaas.config=" + JAAS);
    assertThat(problemOf(noMechanism)).contains(noMechanism + " has no sasl.mechanism");

    Path noBootstrap = write(dir, "noboot.properties", "security.protocol=SASL_SSL",
        "sasl.mechanism=SCRAM-SHA-512", "sasl.jaas.config=" + JAAS);
    assertThat(problemOf(noBootstrap)).contains(noBootstrap + " has no bootstrap.servers");
  }

  @Test
  void aTruststoreThatIsNotThereIsNamed() throws Exception {
    Path store = dir.resolve("gone.p12");
    Path file = write(dir, "store.properties", "bootstrap.servers=localhost:9092", "security.protocol=SASL_SSL",
        "sasl.mechanism=SCRAM-SHA-512", "sasl.jaas.config=" + JAAS, "ssl.truststore.location=" + store,
        "ssl.truststore.password=" + PASSWORD);
    assertThat(problemOf(file)).contains(file + " has ssl.truststore.location=" + store + ", which is not a readable file");
  }

  @Test
  void aMalformedFileIsReportedWithoutItsContent() throws Exception {
    Path file = write(dir, "broken.properties", "bootstrap.servers=localhost:9092",
        "sasl.jaas.config=" + JAAS + "\\u12");
    assertThat(problemOf(file)).isEqualTo("Kafka mode needs credentials: " + file
        + " cannot be read as a properties file (IllegalArgumentException)" + SUFFIX);
  }

  @Test
  void noPathIsNoFile() {
    assertThat(KafkaClientSettings.problem("  ")).isEqualTo(
        "Kafka mode needs credentials: no client properties file is named" + SUFFIX);
  }
}
