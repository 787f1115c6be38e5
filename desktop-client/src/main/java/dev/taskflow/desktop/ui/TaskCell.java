package dev.taskflow.desktop.ui;

import dev.taskflow.desktop.recurrence.RecurrencePattern;
import dev.taskflow.desktop.task.Task;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** One task in the list: checkbox, title (search matches highlighted), due date, priority, category, tags. */
final class TaskCell extends ListCell<Task> {

  private final Clock clock;
  private final Supplier<MatchHighlighter> highlighter;
  private final BiConsumer<Task, Boolean> onCompleted;

  TaskCell(Clock clock, Supplier<MatchHighlighter> highlighter, BiConsumer<Task, Boolean> onCompleted) {
    this.clock = clock;
    this.highlighter = highlighter;
    this.onCompleted = onCompleted;
  }

  @Override
  protected void updateItem(Task task, boolean empty) {
    super.updateItem(task, empty);
    if (empty || task == null) {
      setGraphic(null);
      setText(null);
      return;
    }
    CheckBox done = new CheckBox();
    done.getStyleClass().add("complete-box");
    done.setSelected(task.completed());
    done.setFocusTraversable(false);
    done.setOnAction(event -> onCompleted.accept(task, done.isSelected()));

    TextFlow title = new TextFlow();
    title.getStyleClass().add("task-title");
    for (MatchHighlighter.Segment segment : highlighter.get().segments(task.title())) {
      Text text = new Text(segment.text());
      text.getStyleClass().add(segment.match() ? "match" : "plain");
      title.getChildren().add(text);
    }
    if (task.completed()) {
      title.getStyleClass().add("done");
    }

    FlowPane meta = new FlowPane(6, 4);
    meta.getStyleClass().add("task-meta");
    Label due = badge(DueDates.describe(task, clock), "due");
    if (task.isOverdue(clock.instant())) {
      due.getStyleClass().add("overdue");
    } else if (task.dueDate() != null && !task.completed()
        && LocalDate.ofInstant(task.dueDate(), clock.getZone()).equals(LocalDate.now(clock))) {
      due.getStyleClass().add("due-today");
    }
    meta.getChildren().add(due);
    meta.getChildren().add(badge(task.priority().label(), "priority", "priority-" + task.priority().wire()));
    if (task.category() != null) {
      meta.getChildren().add(badge(task.category(), "category"));
    }
    for (String tag : task.tags()) {
      meta.getChildren().add(badge("#" + tag, "tag"));
    }
    if (task.isRecurring()) {
      RecurrencePattern pattern = RecurrencePattern.parse(task.recurrenceRule(), null);
      meta.getChildren().add(badge("Repeats: " + pattern.describe(), "repeats"));
    }

    VBox text = new VBox(3, title, meta);
    HBox.setHgrow(text, Priority.ALWAYS);
    HBox row = new HBox(10, done, text);
    row.setAlignment(Pos.CENTER_LEFT);
    row.getStyleClass().add("task-row");
    setText(null);
    setGraphic(row);
  }

  private static Label badge(String text, String... styleClasses) {
    Label label = new Label(text);
    label.getStyleClass().add("badge");
    label.getStyleClass().addAll(styleClasses);
    return label;
  }
}
