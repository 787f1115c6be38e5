package dev.taskflow.desktop.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaLiveEventsTest {

  static final String PASSWORD = "s3cr3t-Pa55word";
  static final String JAAS =
      "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"taskflow-desktop\" password=\""
          + PASSWORD + "\";";
  static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  final List<KafkaLiveEvents> started = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeAll() {
    started.forEach(KafkaLiveEvents::close);
  }

  /** The desktop's client properties as ./taskflow writes them, for a broker nobody listens at. */
  static Properties client(String jaas) {
    Properties p = new Properties();
    p.setProperty("bootstrap.servers", "127.0.0.1:1");
    p.setProperty("security.protocol", "SASL_PLAINTEXT");
    p.setProperty("sasl.mechanism", "SCRAM-SHA-512");
    p.setProperty("sasl.jaas.config", jaas);
    return p;
  }

  @Test
  void theGroupNamesNoUserAndIsNewForEveryClient() {
    KafkaLiveEvents alice = new KafkaLiveEvents(client(JAAS), "alice");
    KafkaLiveEvents again = new KafkaLiveEvents(client(JAAS), "alice");

    assertThat(alice.groupId()).matches("taskflow-desktop-" + UUID).doesNotContain("alice");
    assertThat(again.groupId()).matches("taskflow-desktop-" + UUID).isNotEqualTo(alice.groupId());
    Properties consumer = alice.consumerProperties();
    assertThat(consumer.getProperty("group.id")).isEqualTo(alice.groupId());
    assertThat(consumer.getProperty("client.id")).isEqualTo(alice.groupId());
    assertThat(consumer.values()).noneMatch(value -> value.toString().contains("alice"));
    assertThat(alice.adminProperties().getProperty("client.id")).doesNotContain("alice");
  }

  @Test
  void theConsumerConnectsWithTheClientPropertiesAndSetsItsOwnOverThem() {
    Properties given = client(JAAS);
    given.setProperty("ssl.truststore.location", "/etc/taskflow/truststore.p12");
    given.setProperty("ssl.truststore.type", "PKCS12");
    given.setProperty("ssl.truststore.password", PASSWORD);
    given.setProperty("group.id", "someone-elses-group");
    given.setProperty("client.id", "bob");
    given.setProperty("auto.offset.reset", "earliest");
    given.setProperty("enable.auto.commit", "false");
    KafkaLiveEvents feed = new KafkaLiveEvents(given, "alice");
    given.setProperty("bootstrap.servers", "changed.later:9092");

    Properties consumer = feed.consumerProperties();

    assertThat(consumer.getProperty("bootstrap.servers")).isEqualTo("127.0.0.1:1");
    assertThat(consumer.getProperty("security.protocol")).isEqualTo("SASL_PLAINTEXT");
    assertThat(consumer.getProperty("sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
    assertThat(consumer.getProperty("sasl.jaas.config")).isEqualTo(JAAS);
    assertThat(consumer.getProperty("ssl.truststore.location")).isEqualTo("/etc/taskflow/truststore.p12");
    assertThat(consumer.getProperty("ssl.truststore.password")).isEqualTo(PASSWORD);
    assertThat(consumer.getProperty("group.id")).isEqualTo(feed.groupId());
    assertThat(consumer.getProperty("client.id")).isEqualTo(feed.groupId());
    assertThat(consumer.getProperty("auto.offset.reset")).isEqualTo("latest");
    assertThat(consumer.getProperty("enable.auto.commit")).isEqualTo("true");
    assertThat(consumer.getProperty("key.deserializer")).endsWith("StringDeserializer");

    Properties admin = feed.adminProperties();
    assertThat(admin.getProperty("bootstrap.servers")).isEqualTo("127.0.0.1:1");
    assertThat(admin.getProperty("sasl.jaas.config")).isEqualTo(JAAS);
    assertThat(admin.getProperty("ssl.truststore.password")).isEqualTo(PASSWORD);
    assertThat(admin.getProperty("client.id")).isEqualTo(feed.groupId() + "-admin");
    assertThat(admin).doesNotContainKeys("group.id", "auto.offset.reset", "enable.auto.commit");
  }

  @Test
  void clientPropertiesWithoutBootstrapServersAreRefused() {
    Properties none = client(JAAS);
    none.remove("bootstrap.servers");
    assertThatThrownBy(() -> new KafkaLiveEvents(none, "alice"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(PASSWORD);
  }

  @Test
  void failuresAreToldWithoutTheJaasConfigOrThePassword() {
    KafkaLiveEvents feed = new KafkaLiveEvents(client(JAAS), "alice");
    String told = feed.redacted(new IllegalStateException("outer",
        new IllegalArgumentException("bad config " + JAAS + " and " + PASSWORD + " and password=\"other\""
            + " and Password = plain;")));
    assertThat(told).isEqualTo("IllegalStateException: outer; caused by IllegalArgumentException: bad config [hidden]"
        + " and [hidden] and password=[hidden] and Password=[hidden];");

    KafkaLiveEvents unquoted = new KafkaLiveEvents(client(
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=u password=" + PASSWORD + ";"), "a");
    assertThat(unquoted.redacted(new RuntimeException("near " + PASSWORD + " in line 1")))
        .isEqualTo("RuntimeException: near [hidden] in line 1");
  }

  static final class Recorder implements LiveEvents.Listener {
    final List<LiveStatus> statuses = new CopyOnWriteArrayList<>();

    @Override
    public void onReminder(Reminder reminder) {}

    @Override
    public void onTaskChange(TaskChange change) {}

    @Override
    public void onStatus(LiveStatus status) {
      statuses.add(status);
    }

    LiveStatus awaitState(LiveStatus.State state) throws InterruptedException {
      long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < end) {
        for (LiveStatus status : statuses) {
          if (status.state() == state) {
            return status;
          }
        }
        TimeUnit.MILLISECONDS.sleep(20);
      }
      throw new AssertionError("no " + state + " status; got " + statuses);
    }
  }

  @Test
  void theStatusNamesTheBootstrapServersOnly() throws Exception {
    KafkaLiveEvents feed = new KafkaLiveEvents(client(JAAS), "alice");
    started.add(feed);
    Recorder recorder = new Recorder();
    feed.start(recorder);

    LiveStatus connecting = recorder.awaitState(LiveStatus.State.CONNECTING);
    assertThat(connecting.message()).isEqualTo("Connecting to Kafka at 127.0.0.1:1…");
  }

  @Test
  void aBrokenJaasConfigStopsTheFeedWithoutShowingIt() throws Exception {
    String broken = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"taskflow-desktop\""
        + " password=\"" + PASSWORD + "\" oops";
    KafkaLiveEvents feed = new KafkaLiveEvents(client(broken), "alice");
    started.add(feed);
    Recorder recorder = new Recorder();
    feed.start(recorder);

    LiveStatus down = recorder.awaitState(LiveStatus.State.DOWN);
    assertThat(down.message()).startsWith("Live updates stopped: ").doesNotContain(PASSWORD)
        .doesNotContain("ScramLoginModule required");
    assertThat(recorder.statuses).allSatisfy(status -> assertThat(status.message()).doesNotContain(PASSWORD));
  }
}
