package dev.taskflow.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskflow.desktop.config.ClientConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The settings dialog's Kafka field, headless: a file without credentials is refused with the reason. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogUiTest {

  static final String TOKEN = jwt("{\"sub\":\"alice\",\"exp\":1900000000}");
  static final String PASSWORD = "s3cr3t-Pa55word";

  static String jwt(String claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
  }

  @TempDir
  Path dir;

  Dialog<ClientConfig> dialog;

  @Start
  void start(Stage stage) {
    // The dialogs of these tests are their own windows; the stage only keeps the toolkit busy.
  }

  @AfterEach
  void close() throws Exception {
    if (dialog != null) {
      onFx(() -> {
        dialog.setResult(null);
        dialog.close();
        return null;
      });
    }
  }

  private static <T> T onFx(Callable<T> action) throws Exception {
    return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
  }

  private void open(ClientConfig current) throws Exception {
    dialog = onFx(() -> {
      Dialog<ClientConfig> d = SettingsDialog.create(current, dir.resolve("desktop.properties"));
      d.show();
      return d;
    });
  }

  private <T extends Node> T find(String id, Class<T> type) throws Exception {
    return onFx(() -> type.cast(dialog.getDialogPane().lookup("#" + id)));
  }

  private static String textOf(javafx.scene.control.Labeled labeled) throws Exception {
    return onFx(labeled::getText);
  }

  private static String textOf(javafx.scene.control.TextInputControl input) throws Exception {
    return onFx(input::getText);
  }

  /** Presses OK as a user would: through the button, so the dialog's check runs. */
  private void pressOk() throws Exception {
    onFx(() -> {
      ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).fire();
      return null;
    });
  }

  @Test
  void theKafkaFieldAsksForAClientPropertiesFile() throws Exception {
    open(new ClientConfig("", "", ""));

    TextField kafka = find("kafkaConfigField", TextField.class);
    assertThat(textOf(kafka)).isEmpty();
    String prompt = onFx(kafka::getPromptText);
    String help = onFx(() -> kafka.getTooltip().getText());
    assertThat(prompt).contains("--command-config").contains("server's stream");
    assertThat(help).contains("sasl.jaas.config").contains("SASL_SSL").contains("single-user");
    assertThat(onFx(() -> dialog.getDialogPane().lookupAll(".label").stream()
        .map(node -> ((Label) node).getText()).toList()))
        .contains("Kafka client properties (optional, single-user server)");
    Label problem = find("settingsProblem", Label.class);
    assertThat(textOf(problem)).as("nothing said before OK").isEmpty();
  }

  @Test
  void aFileWithoutCredentialsIsRefusedAndAGoodOneAccepted() throws Exception {
    Path bare = Files.writeString(dir.resolve("bare.properties"),
        "bootstrap.servers=localhost:9092\nsecurity.protocol=PLAINTEXT\n");
    open(new ClientConfig("http://localhost:9080", TOKEN, ""));
    TextField kafka = find("kafkaConfigField", TextField.class);
    Label problem = find("settingsProblem", Label.class);

    onFx(() -> {
      kafka.setText(bare.toString());
      return null;
    });
    pressOk();

    assertThat(onFx(dialog::isShowing)).as("OK refused").isTrue();
    assertThat(textOf(problem)).isEqualTo("Kafka mode needs credentials: " + bare
        + " has security.protocol=PLAINTEXT; it must be SASL_SSL (leave the Kafka setting empty to use the server's stream)");

    Path good = Files.writeString(dir.resolve("good.properties"), String.join("\n",
        "bootstrap.servers=localhost:9092", "security.protocol=SASL_SSL", "sasl.mechanism=SCRAM-SHA-512",
        "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"d\" password=\""
            + PASSWORD + "\";"));
    onFx(() -> {
      kafka.setText(good.toString());
      return null;
    });
    pressOk();

    assertThat(onFx(dialog::isShowing)).as("OK accepted").isFalse();
    ClientConfig result = onFx(dialog::getResult);
    assertThat(result.kafkaConfig()).isEqualTo(good.toString());
    assertThat(result.isComplete()).isTrue();
    dialog = null;
  }

  @Test
  void aSavedFileThatLostItsCredentialsIsExplainedWhenTheDialogOpens() throws Exception {
    Path noJaas = Files.writeString(dir.resolve("nojaas.properties"),
        "bootstrap.servers=localhost:9092\nsecurity.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n");
    open(new ClientConfig("http://localhost:9080", TOKEN, noJaas.toString()));

    TextField kafka = find("kafkaConfigField", TextField.class);
    Label problem = find("settingsProblem", Label.class);
    assertThat(textOf(kafka)).isEqualTo(noJaas.toString());
    assertThat(textOf(problem))
        .isEqualTo("Kafka mode needs credentials: " + noJaas
            + " has no sasl.jaas.config (leave the Kafka setting empty to use the server's stream)");
  }
}
