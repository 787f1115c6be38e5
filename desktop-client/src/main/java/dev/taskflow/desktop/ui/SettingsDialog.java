package dev.taskflow.desktop.ui;

import dev.taskflow.desktop.config.ClientConfig;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

/**
 * First run: asks for the server URL, a token and, optionally, a Kafka client properties file with
 * the desktop's own credentials, and checks them before saving.
 */
public final class SettingsDialog {

  static final String KAFKA_LABEL = "Kafka client properties (optional, single-user server)";
  static final String KAFKA_PROMPT = "Path of a --command-config file with SASL credentials; empty: the server's stream";
  static final String KAFKA_HELP = "Kafka mode reads the broker directly, with the desktop's own credentials: the path"
      + " of a Kafka client properties file, the format Kafka's tools take with --command-config (bootstrap.servers,"
      + " security.protocol=SASL_SSL, sasl.mechanism, sasl.jaas.config, the truststore; on a dev install"
      + " ./taskflow desktop sets it). Only for a single-user server. Empty: reminders come from the server's own"
      + " stream, for this user only.";

  private SettingsDialog() {}

  public static Optional<ClientConfig> ask(ClientConfig current, Path savedTo) {
    return create(current, savedTo).showAndWait();
  }

  /**
   * The dialog, not shown yet. OK is refused while {@link ClientConfig#problem()} has something to
   * say, which is shown; a configuration given with a problem shows it from the start.
   */
  static Dialog<ClientConfig> create(ClientConfig current, Path savedTo) {
    Dialog<ClientConfig> dialog = new Dialog<>();
    dialog.setTitle("Connect to Taskflow");
    dialog.setHeaderText("Where is your Taskflow server?\nSaved to " + savedTo);
    TextField server = new TextField(current.serverUrl().isEmpty() ? "http://localhost:9080" : current.serverUrl());
    server.setId("serverUrlField");
    TextArea token = new TextArea(current.token());
    token.setId("tokenField");
    token.setWrapText(true);
    token.setPrefRowCount(4);
    token.setPromptText("A JWT; on a dev install: ./taskflow token <user>");
    TextField kafka = new TextField(current.kafkaConfig());
    kafka.setId("kafkaConfigField");
    kafka.setPromptText(KAFKA_PROMPT);
    Tooltip help = new Tooltip(KAFKA_HELP);
    help.setWrapText(true);
    help.setMaxWidth(480);
    kafka.setTooltip(help);
    kafka.setPrefColumnCount(36);
    Label problem = new Label();
    problem.setId("settingsProblem");
    problem.getStyleClass().add("field-error");
    problem.setWrapText(true);
    problem.setMaxWidth(520);
    String already = current.problem();
    if (already != null
        && (!current.serverUrl().isEmpty() || !current.token().isEmpty() || !current.kafkaConfig().isEmpty())) {
      problem.setText(already);
    }

    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(8);
    grid.setPadding(new Insets(12));
    grid.addRow(0, new Label("Server URL"), server);
    grid.addRow(1, new Label("Token"), token);
    grid.addRow(2, new Label(KAFKA_LABEL), kafka);
    grid.add(problem, 1, 3);
    dialog.getDialogPane().setContent(grid);
    dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
      String error = new ClientConfig(server.getText(), token.getText(), kafka.getText()).problem();
      if (error != null) {
        problem.setText(error);
        event.consume();
      }
    });
    dialog.setResultConverter(button -> button == ButtonType.OK
        ? new ClientConfig(server.getText(), token.getText(), kafka.getText()) : null);
    return dialog;
  }
}
