package dev.taskflow.desktop.ui;

import dev.taskflow.desktop.recurrence.RecurrencePattern;
import dev.taskflow.desktop.task.Priority;
import dev.taskflow.desktop.task.RepeatFrom;
import dev.taskflow.desktop.task.Task;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The new/edit task window. Every field has an error line under it, filled by the ViewModel. */
public final class TaskEditorView {

  private final TaskEditorViewModel model;
  private final Stage stage = new Stage();
  private final GridPane form = new GridPane();
  private int row;

  public TaskEditorView(TaskEditorViewModel model, Window owner, List<String> stylesheets, Consumer<Task> onSaved) {
    this.model = model;
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle(model.isNew() ? "New task" : "Edit task");

    form.getStyleClass().add("editor-form");
    form.setHgap(10);
    form.setVgap(2);
    form.setPadding(new Insets(16));
    form.getColumnConstraints().addAll(new ColumnConstraints(130), new ColumnConstraints(380));

    TextField title = new TextField();
    title.setId("titleField");
    title.setPromptText("What needs doing?");
    title.textProperty().bindBidirectional(model.titleProperty());
    field("Title", title, "title");

    TextArea description = new TextArea();
    description.setId("descriptionField");
    description.setPrefRowCount(3);
    description.setWrapText(true);
    description.textProperty().bindBidirectional(model.descriptionProperty());
    field("Description", description, "description");

    ComboBox<Priority> priority = new ComboBox<>(FXCollections.observableArrayList(Priority.values()));
    priority.setId("priorityField");
    priority.setConverter(converter(Priority::label));
    priority.valueProperty().bindBidirectional(model.priorityProperty());
    field("Priority", priority, "priority");

    TextField category = new TextField();
    category.setId("categoryField");
    category.setPromptText("e.g. Work");
    category.textProperty().bindBidirectional(model.categoryProperty());
    field("Category", category, "category");

    TextField tags = new TextField();
    tags.setId("tagsField");
    tags.setPromptText("comma-separated, e.g. home, garden");
    tags.textProperty().bindBidirectional(model.tagsProperty());
    field("Tags", tags, "tags");

    DatePicker date = new DatePicker();
    date.setId("dueDateField");
    date.valueProperty().bindBidirectional(model.dueDateProperty());
    TextField time = new TextField();
    time.setId("dueTimeField");
    time.setPrefColumnCount(5);
    time.setPromptText("HH:mm");
    time.textProperty().bindBidirectional(model.dueTimeProperty());
    CheckBox wholeDay = new CheckBox("All day");
    wholeDay.setId("allDayField");
    wholeDay.selectedProperty().bindBidirectional(model.allDayProperty());
    time.disableProperty().bind(wholeDay.selectedProperty());
    Button clearDate = new Button("No date");
    clearDate.setOnAction(event -> date.setValue(null));
    field("Due", new HBox(8, date, time, wholeDay, clearDate), "dueDate");

    TextField zone = new TextField();
    zone.setId("timeZoneField");
    zone.textProperty().bindBidirectional(model.timeZoneProperty());
    field("Time zone", zone, "timeZone");

    TextField remind = new TextField();
    remind.setId("remindField");
    remind.setPrefColumnCount(6);
    remind.textProperty().bindBidirectional(model.remindBeforeProperty());
    field("Remind", new HBox(8, remind, new Label("minutes before due")), "remindBeforeMinutes");

    recurrenceSection();

    Label general = new Label();
    general.setId("generalError");
    general.getStyleClass().add("field-error");
    general.setWrapText(true);
    general.textProperty().bind(model.generalErrorProperty());
    general.visibleProperty().bind(model.generalErrorProperty().isNotEmpty());
    general.managedProperty().bind(general.visibleProperty());

    Button save = new Button(model.isNew() ? "Create task" : "Save");
    save.setId("saveButton");
    save.setDefaultButton(true);
    save.getStyleClass().add("accent");
    save.disableProperty().bind(model.savingProperty());
    save.setOnAction(event -> model.save(task -> {
      onSaved.accept(task);
      stage.close();
    }));
    Button cancel = new Button("Cancel");
    cancel.setId("cancelButton");
    cancel.setCancelButton(true);
    cancel.setOnAction(event -> stage.close());
    HBox buttons = new HBox(8, cancel, save);
    buttons.setAlignment(Pos.CENTER_RIGHT);

    VBox root = new VBox(8, form, general, buttons);
    root.setPadding(new Insets(0, 16, 16, 16));
    root.getStyleClass().add("editor");
    Scene scene = new Scene(root);
    scene.getStylesheets().addAll(stylesheets);
    scene.setOnKeyPressed(event -> {
      if (event.getCode() == KeyCode.ESCAPE) {
        stage.close();
      }
    });
    stage.setScene(scene);
    title.requestFocus();
  }

  public void show() {
    stage.show();
  }

  private void recurrenceSection() {
    ComboBox<RecurrencePattern.Kind> kind =
        new ComboBox<>(FXCollections.observableArrayList(RecurrencePattern.Kind.values()));
    kind.setId("recurrenceKind");
    kind.valueProperty().bindBidirectional(model.recurrenceProperty());
    var kindValue = model.recurrenceProperty();

    Spinner<Integer> interval = new Spinner<>(1, 999, model.intervalProperty().get());
    interval.setId("intervalField");
    interval.setPrefWidth(80);
    interval.setEditable(true);
    interval.valueProperty().addListener((o, before, after) -> model.intervalProperty().set(after));
    model.intervalProperty().addListener((o, before, after) -> interval.getValueFactory().setValue(after.intValue()));
    Label every = new Label("Every");
    Label unit = new Label();
    unit.textProperty().bind(Bindings.createStringBinding(() -> switch (kindValue.get()) {
      case DAILY -> "day(s)";
      case WEEKLY -> "week(s)";
      case MONTHLY_BY_DAY, MONTHLY_BY_WEEKDAY -> "month(s)";
      case YEARLY -> "year(s)";
      default -> "";
    }, kindValue));
    HBox intervalRow = new HBox(8, every, interval, unit);
    intervalRow.setAlignment(Pos.CENTER_LEFT);
    showWhen(intervalRow, kindValue, RecurrencePattern.Kind.DAILY, RecurrencePattern.Kind.WEEKLY,
        RecurrencePattern.Kind.MONTHLY_BY_DAY, RecurrencePattern.Kind.MONTHLY_BY_WEEKDAY, RecurrencePattern.Kind.YEARLY);

    HBox days = new HBox(4);
    for (DayOfWeek day : DayOfWeek.values()) {
      ToggleButton toggle = new ToggleButton(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
      toggle.setId("day-" + day.name().substring(0, 2));
      toggle.setSelected(model.weeklyDays().contains(day));
      model.weeklyDays().addListener((javafx.collections.SetChangeListener<DayOfWeek>) change ->
          toggle.setSelected(model.weeklyDays().contains(day)));
      toggle.selectedProperty().addListener((o, before, on) -> {
        if (on) {
          model.weeklyDays().add(day);
        } else {
          model.weeklyDays().remove(day);
        }
      });
      days.getChildren().add(toggle);
    }
    showWhen(days, kindValue, RecurrencePattern.Kind.WEEKLY);

    ComboBox<Integer> monthDay = new ComboBox<>();
    for (int d = 1; d <= 31; d++) {
      monthDay.getItems().add(d);
    }
    monthDay.getItems().add(RecurrencePattern.LAST);
    monthDay.setConverter(converter(d -> d == RecurrencePattern.LAST ? "last day" : "day " + d));
    monthDay.setValue(model.monthDayProperty().get());
    monthDay.valueProperty().addListener((o, before, after) -> model.monthDayProperty().set(after));
    model.monthDayProperty().addListener((o, before, after) -> monthDay.setValue(after.intValue()));
    HBox monthDayRow = new HBox(8, new Label("On"), monthDay);
    monthDayRow.setAlignment(Pos.CENTER_LEFT);
    showWhen(monthDayRow, kindValue, RecurrencePattern.Kind.MONTHLY_BY_DAY);

    ComboBox<Integer> nth = new ComboBox<>(FXCollections.observableArrayList(RecurrencePattern.weekOfMonthChoices()));
    nth.setId("weekOfMonthField");
    nth.setConverter(converter(RecurrencePattern::ordinal));
    nth.valueProperty().bindBidirectional(model.weekOfMonthProperty());
    ComboBox<DayOfWeek> weekday = new ComboBox<>(FXCollections.observableArrayList(DayOfWeek.values()));
    weekday.setId("weekdayField");
    weekday.setConverter(converter(d -> d.getDisplayName(TextStyle.FULL, Locale.ENGLISH)));
    weekday.valueProperty().bindBidirectional(model.weekdayProperty());
    HBox weekdayRow = new HBox(8, new Label("On the"), nth, weekday);
    weekdayRow.setAlignment(Pos.CENTER_LEFT);
    showWhen(weekdayRow, kindValue, RecurrencePattern.Kind.MONTHLY_BY_WEEKDAY);

    TextField custom = new TextField();
    custom.setId("customRuleField");
    custom.setPromptText("RRULE, e.g. FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1");
    custom.textProperty().bindBidirectional(model.customRuleProperty());
    showWhen(custom, kindValue, RecurrencePattern.Kind.CUSTOM);

    ComboBox<RepeatFrom> repeatFrom = new ComboBox<>(FXCollections.observableArrayList(RepeatFrom.values()));
    repeatFrom.setId("repeatFromField");
    repeatFrom.setConverter(converter(r -> r == RepeatFrom.DUE ? "Repeat from the due date"
        : "Repeat from when I complete it"));
    repeatFrom.valueProperty().bindBidirectional(model.repeatFromProperty());
    showWhen(repeatFrom, kindValue, RecurrencePattern.Kind.values());
    repeatFrom.visibleProperty().bind(kindValue.isNotEqualTo(RecurrencePattern.Kind.NONE));

    Label previewMessage = new Label();
    previewMessage.setId("previewMessage");
    previewMessage.getStyleClass().add("hint");
    previewMessage.setWrapText(true);
    previewMessage.textProperty().bind(model.previewMessageProperty());
    VBox preview = new VBox(2);
    preview.setId("previewList");
    preview.getStyleClass().add("preview");
    model.preview().addListener((javafx.collections.ListChangeListener<String>) change -> {
      preview.getChildren().setAll(model.preview().stream().map(Label::new).toList());
      stage.sizeToScene();
    });
    preview.visibleProperty().bind(Bindings.isNotEmpty(model.preview()));
    preview.managedProperty().bind(preview.visibleProperty());
    kindValue.addListener((o, before, after) -> javafx.application.Platform.runLater(stage::sizeToScene));

    VBox box = new VBox(6, kind, intervalRow, days, monthDayRow, weekdayRow, custom, repeatFrom, previewMessage,
        preview);
    field("Repeats", box, "recurrenceRule");
  }

  @SafeVarargs
  private static <T> void showWhen(Node node, ObservableValue<T> value, T... shownFor) {
    List<T> values = List.of(shownFor);
    node.visibleProperty().bind(Bindings.createBooleanBinding(() -> values.contains(value.getValue()), value));
    node.managedProperty().bind(node.visibleProperty());
  }

  private void field(String labelText, Node input, String errorKey) {
    Label label = new Label(labelText);
    label.getStyleClass().add("field-label");
    form.add(label, 0, row);
    form.add(input, 1, row++);
    Label error = new Label();
    error.setId(errorKey + "Error");
    error.getStyleClass().add("field-error");
    error.setWrapText(true);
    error.textProperty().bind(Bindings.valueAt(model.errors(), errorKey));
    error.visibleProperty().bind(Bindings.isNotNull(Bindings.valueAt(model.errors(), errorKey)));
    error.managedProperty().bind(error.visibleProperty());
    form.add(error, 1, row++);
    GridPane.setMargin(input, new Insets(6, 0, 0, 0));
    GridPane.setMargin(label, new Insets(10, 0, 0, 0));
    GridPane.setValignment(label, javafx.geometry.VPos.TOP);
  }

  private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
    return new StringConverter<>() {
      @Override
      public String toString(T value) {
        return value == null ? "" : text.apply(value);
      }

      @Override
      public T fromString(String string) {
        throw new UnsupportedOperationException("choice only");
      }
    };
  }
}
