package dev.taskflow.desktop.ui;

import dev.taskflow.desktop.live.Reminder;
import java.time.Clock;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A reminder toast: "Due in N minutes", the task, and Open / Complete / Snooze. */
final class ToastView extends VBox {

  ToastView(Reminder reminder, NotificationsViewModel notifications, Clock clock) {
    getStyleClass().add("toast");
    setId("toast-" + reminder.task().id());
    Label headline = new Label("Reminder · " + reminder.headline());
    headline.getStyleClass().add("toast-headline");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Button close = new Button("×");
    close.getStyleClass().add("toast-close");
    close.setOnAction(event -> notifications.dismiss(reminder));
    HBox top = new HBox(headline, spacer, close);
    top.setAlignment(Pos.CENTER_LEFT);

    Label title = new Label(reminder.task().title());
    title.getStyleClass().add("toast-title");
    title.setWrapText(true);
    Label due = new Label(DueDates.describe(reminder.task(), clock));
    due.getStyleClass().add("toast-due");

    Button open = new Button("Open");
    open.getStyleClass().add("toast-open");
    open.setOnAction(event -> notifications.open(reminder));
    Button complete = new Button("Complete");
    complete.getStyleClass().add("toast-complete");
    complete.setDefaultButton(false);
    complete.setOnAction(event -> notifications.complete(reminder));
    Button snooze = new Button("Snooze " + NotificationsViewModel.SNOOZE_MINUTES + " min");
    snooze.getStyleClass().add("toast-snooze");
    snooze.setOnAction(event -> notifications.snooze(reminder));
    HBox actions = new HBox(8, open, complete, snooze);

    getChildren().addAll(top, title, due, actions);
    setSpacing(6);
    setMaxWidth(360);
    setPrefWidth(360);
  }
}
