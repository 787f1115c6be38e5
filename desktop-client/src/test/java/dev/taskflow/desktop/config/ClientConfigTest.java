package dev.taskflow.desktop.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
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
    assertThat(ok.hasKafka()).isFalse();
  }

  @Test
  void environmentVariablesWinOverTheSavedFile() {
    ConfigStore store = new ConfigStore(dir.resolve("taskflow/desktop.properties"),
        Map.of(ConfigStore.ENV_SERVER_URL, "http://env:9080"));
    store.save(new ClientConfig("http://saved:9080", TOKEN, "saved:9092"));

    ClientConfig loaded = store.load();

    assertThat(loaded.serverUrl()).isEqualTo("http://env:9080");
    assertThat(loaded.token()).isEqualTo(TOKEN);
    assertThat(loaded.kafkaBootstrapServers()).isEqualTo("saved:9092");
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
