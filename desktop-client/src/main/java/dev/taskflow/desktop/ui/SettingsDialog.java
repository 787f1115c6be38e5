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
import javafx.scene.layout.GridPane;

/** First run: asks for the server URL, a token and the Kafka servers, and checks them before saving. */
public final class SettingsDialog {

  private SettingsDialog() {}

  public static Optional<ClientConfig> ask(ClientConfig current, Path savedTo) {
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
    TextField kafka = new TextField(current.kafkaBootstrapServers().isEmpty() && current.serverUrl().isEmpty()
        ? "localhost:9092" : current.kafkaBootstrapServers());
    kafka.setId("kafkaField");
    kafka.setPromptText("host:port; empty: no live notifications");
    Label problem = new Label();
    problem.getStyleClass().add("field-error");
    problem.setWrapText(true);

    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(8);
    grid.setPadding(new Insets(12));
    grid.addRow(0, new Label("Server URL"), server);
    grid.addRow(1, new Label("Token"), token);
    grid.addRow(2, new Label("Kafka servers"), kafka);
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
    return dialog.showAndWait();
  }
}
