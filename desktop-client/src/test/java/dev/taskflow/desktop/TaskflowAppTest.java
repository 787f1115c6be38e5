package dev.taskflow.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskflow.desktop.config.ClientConfig;
import dev.taskflow.desktop.live.KafkaLiveEvents;
import dev.taskflow.desktop.live.LiveEvents;
import dev.taskflow.desktop.live.ServerEventStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskflowAppTest {

  static final String TOKEN = jwt("{\"sub\":\"alice\",\"exp\":1900000000}");

  static String jwt(String claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
  }

  @TempDir
  Path dir;

  @Test
  void withAClientPropertiesFileTheDesktopReadsKafkaWithItsOwnCredentials() throws Exception {
    Path file = Files.writeString(dir.resolve("desktop.properties"), String.join("\n",
        "bootstrap.servers=127.0.0.1:9092",
        "security.protocol=SASL_SSL",
        "sasl.mechanism=SCRAM-SHA-512",
        "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"taskflow-desktop\" password=\"pw\";"));
    ClientConfig config = new ClientConfig("http://localhost:9080", TOKEN, file.toString());
    assertThat(config.isComplete()).isTrue();

    LiveEvents live = TaskflowApp.liveEvents(config, "alice");

    assertThat(live).isInstanceOf(KafkaLiveEvents.class);
    assertThat(((KafkaLiveEvents) live).groupId()).startsWith("taskflow-desktop-").doesNotContain("alice");
  }

  @Test
  void withoutOneTheRemindersComeFromTheServersStream() {
    ClientConfig config = new ClientConfig("http://localhost:9080", TOKEN, "");
    assertThat(TaskflowApp.liveEvents(config, "alice")).isInstanceOf(ServerEventStream.class);
  }
}
