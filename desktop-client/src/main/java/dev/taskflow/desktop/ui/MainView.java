package dev.taskflow.desktop.ui;

import dev.taskflow.desktop.live.LiveStatus;
import dev.taskflow.desktop.live.Reminder;
import dev.taskflow.desktop.task.Task;
import dev.taskflow.desktop.task.TaskStatus;
import dev.taskflow.desktop.task.TaskView;
import java.time.Clock;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.StringConverter;

/**
 * The main window: views on the left, search and the task list in the middle, notifications on the
 * right, connection status at the bottom, toasts floating bottom-right. Binds to {@link
 * MainViewModel}; knows nothing of HTTP or Kafka.
 */
public final class MainView extends BorderPane {

  public static final KeyCombination NEW_TASK = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
  public static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
  public static final KeyCombination COMPLETE = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
  public static final KeyCombination REFRESH = new KeyCodeCombination(KeyCode.F5);

  private final MainViewModel model;
  private final Consumer<TaskEditorViewModel> editorOpener;
  private final ListView<Task> taskList = new ListView<>();
  private final TextField search = new TextField();

  /** {@code editorOpener} shows the editor window for a ViewModel (the app passes a dialog). */
  public MainView(MainViewModel model, Consumer<TaskEditorViewModel> editorOpener) {
    this.model = model;
    this.editorOpener = editorOpener;
    getStyleClass().add("main");
    setTop(toolbar());
    setLeft(viewList());
    setCenter(centre());
    setRight(notificationPanel());
    setBottom(statusBar());
    model.notifications().setOnOpen(task -> edit(task));
  }

  /** Installs the keyboard shortcuts once the view is in a scene. */
  public void installShortcuts() {
    var accelerators = getScene().getAccelerators();
    accelerators.put(NEW_TASK, this::newTask);
    accelerators.put(FIND, () -> {
      search.requestFocus();
      search.selectAll();
    });
    accelerators.put(COMPLETE, this::toggleSelected);
    accelerators.put(REFRESH, () -> model.tasks().reload());
  }

  private Node toolbar() {
    Label brand = new Label("Taskflow");
    brand.getStyleClass().add("brand");
    Button add = new Button("+ New task");
    add.setId("newTaskButton");
    add.getStyleClass().add("accent");
    add.setOnAction(event -> newTask());

    search.setId("searchField");
    search.setPromptText("Search tasks (Ctrl+F): words, \"a phrase\", -exclude");
    search.setTextFormatter(new TextFormatter<String>(change ->
        change.getControlNewText().length() <= 500 ? change : null));
    search.textProperty().bindBidirectional(model.tasks().searchTextProperty());
    search.setOnKeyPressed(event -> {
      if (event.getCode() == KeyCode.ESCAPE) {
        search.clear();
        taskList.requestFocus();
      } else if (event.getCode() == KeyCode.DOWN) {
        taskList.requestFocus();
        taskList.getSelectionModel().selectFirst();
      }
    });
    HBox.setHgrow(search, Priority.ALWAYS);

    ChoiceBox<TaskStatus> status = new ChoiceBox<>();
    status.setId("searchStatus");
    status.getItems().setAll(TaskStatus.values());
    status.setConverter(new StringConverter<>() {
      @Override
      public String toString(TaskStatus value) {
        return value == null ? "" : switch (value) {
          case OPEN -> "Open tasks";
          case COMPLETED -> "Completed tasks";
          case ALL -> "All tasks";
        };
      }

      @Override
      public TaskStatus fromString(String text) {
        return null;
      }
    });
    status.valueProperty().bindBidirectional(model.tasks().searchStatusProperty());
    status.visibleProperty().bind(search.textProperty().isNotEmpty());
    status.managedProperty().bind(status.visibleProperty());

    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(model.tasks().searchingProperty().or(model.tasks().loadingProperty()));

    Label user = new Label("Signed in as " + model.user());
    user.getStyleClass().add("user");
    HBox bar = new HBox(10, brand, add, search, status, busy, user);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("toolbar");
    return bar;
  }

  private Node viewList() {
    ListView<TaskView> views = new ListView<>();
    views.setId("viewList");
    views.getItems().setAll(TaskView.values());
    views.setPrefWidth(170);
    views.setCellFactory(list -> new ListCell<>() {
      @Override
      protected void updateItem(TaskView view, boolean empty) {
        super.updateItem(view, empty);
        textProperty().unbind();
        if (empty || view == null) {
          setText(null);
        } else {
          textProperty().bind(Bindings.createStringBinding(() -> {
            Integer count = model.tasks().counts().get(view);
            return view.label() + (count == null ? "" : "  (" + count + ")");
          }, model.tasks().counts()));
        }
      }
    });
    views.getSelectionModel().select(model.tasks().viewProperty().get());
    views.getSelectionModel().selectedItemProperty().addListener((o, before, after) -> {
      if (after != null) {
        search.clear();
        model.tasks().viewProperty().set(after);
      }
    });
    VBox box = new VBox(views);
    VBox.setVgrow(views, Priority.ALWAYS);
    box.getStyleClass().add("sidebar");
    return box;
  }

  private Node centre() {
    taskList.setId("taskList");
    taskList.setItems(model.tasks().visibleTasks());
    Label empty = new Label("Nothing here. Press Ctrl+N to add a task.");
    empty.getStyleClass().add("placeholder");
    taskList.setPlaceholder(empty);
    MatchHighlighter none = new MatchHighlighter("");
    taskList.setCellFactory(list -> new TaskCell(model.clock(),
        () -> model.tasks().isSearching() ? new MatchHighlighter(model.tasks().searchQueryShownProperty().get()) : none,
        (task, done) -> model.tasks().setCompleted(task, done)));
    taskList.setOnMouseClicked(event -> {
      if (event.getClickCount() == 2 && taskList.getSelectionModel().getSelectedItem() != null) {
        edit(taskList.getSelectionModel().getSelectedItem());
      }
    });
    taskList.setOnKeyPressed(event -> {
      Task selected = taskList.getSelectionModel().getSelectedItem();
      if (selected == null) {
        return;
      }
      if (event.getCode() == KeyCode.ENTER && !event.isShortcutDown()) {
        edit(selected);
      } else if (event.getCode() == KeyCode.DELETE) {
        confirmDelete(selected);
      }
    });
    MenuItem edit = new MenuItem("Edit…");
    edit.setOnAction(event -> edit(taskList.getSelectionModel().getSelectedItem()));
    MenuItem complete = new MenuItem("Complete / reopen (Ctrl+Enter)");
    complete.setOnAction(event -> toggleSelected());
    MenuItem delete = new MenuItem("Delete…");
    delete.setOnAction(event -> confirmDelete(taskList.getSelectionModel().getSelectedItem()));
    taskList.setContextMenu(new ContextMenu(edit, complete, delete));

    Label message = new Label();
    message.setId("messageLabel");
    message.getStyleClass().add("message");
    message.textProperty().bind(Bindings.createStringBinding(() -> {
      String tasks = model.tasks().messageProperty().get();
      return tasks.isEmpty() ? model.notifications().messageProperty().get() : tasks;
    }, model.tasks().messageProperty(), model.notifications().messageProperty()));
    message.visibleProperty().bind(message.textProperty().isNotEmpty());
    message.managedProperty().bind(message.visibleProperty());
    message.setMaxWidth(Double.MAX_VALUE);

    VBox list = new VBox(message, taskList);
    VBox.setVgrow(taskList, Priority.ALWAYS);

    VBox toasts = new VBox(10);
    toasts.setId("toastPane");
    toasts.setPickOnBounds(false);
    toasts.setAlignment(Pos.BOTTOM_RIGHT);
    toasts.setPadding(new Insets(16));
    toasts.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    model.notifications().toasts().addListener((ListChangeListener<Reminder>) change -> showToasts(toasts));
    StackPane centre = new StackPane(list, toasts);
    StackPane.setAlignment(toasts, Pos.BOTTOM_RIGHT);
    return centre;
  }

  private void showToasts(VBox pane) {
    pane.getChildren().setAll(model.notifications().toasts().stream()
        .map(reminder -> new ToastView(reminder, model.notifications(), model.clock())).toList());
  }

  private Node notificationPanel() {
    Label heading = new Label("Notifications");
    heading.getStyleClass().add("panel-heading");
    Button clear = new Button("Clear");
    clear.setOnAction(event -> model.notifications().clear());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox top = new HBox(heading, spacer, clear);
    top.setAlignment(Pos.CENTER_LEFT);
    ListView<Reminder> list = new ListView<>(model.notifications().notifications());
    list.setId("notificationsList");
    list.setPlaceholder(new Label("Reminders appear here"));
    list.setCellFactory(view -> new ListCell<>() {
      @Override
      protected void updateItem(Reminder reminder, boolean empty) {
        super.updateItem(reminder, empty);
        if (empty || reminder == null) {
          setText(null);
        } else {
          setText(reminder.task().title() + "\n" + reminder.headline() + " · "
              + DueDates.describe(reminder.task(), model.clock()));
        }
      }
    });
    list.setOnMouseClicked(event -> {
      Reminder chosen = list.getSelectionModel().getSelectedItem();
      if (event.getClickCount() == 2 && chosen != null) {
        model.notifications().open(chosen);
      }
    });
    VBox panel = new VBox(8, top, list);
    VBox.setVgrow(list, Priority.ALWAYS);
    panel.setPrefWidth(260);
    panel.getStyleClass().add("notifications");
    return panel;
  }

  private Node statusBar() {
    Circle restDot = new Circle(5);
    restDot.getStyleClass().add("dot");
    Label rest = new Label();
    rest.setId("restStatus");
    rest.textProperty().bind(model.connection().restTextProperty());
    model.connection().restStateProperty().addListener((o, before, after) -> styleDot(restDot, after.name()));
    styleDot(restDot, model.connection().restStateProperty().get().name());

    Circle liveDot = new Circle(5);
    liveDot.getStyleClass().add("dot");
    Label live = new Label();
    live.setId("liveStatus");
    live.textProperty().bind(Bindings.createStringBinding(() -> model.connection().liveStatusProperty().get().message(),
        model.connection().liveStatusProperty()));
    model.connection().liveStatusProperty().addListener((o, before, after) -> styleDot(liveDot, liveState(after)));
    styleDot(liveDot, liveState(model.connection().liveStatusProperty().get()));

    Label shortcuts = new Label("Ctrl+N new · Ctrl+F search · Ctrl+Enter complete · Del delete · F5 refresh");
    shortcuts.getStyleClass().add("hint");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(8, restDot, rest, new Label("  "), liveDot, live, spacer, shortcuts);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("status-bar");
    return bar;
  }

  private static String liveState(LiveStatus status) {
    return switch (status.state()) {
      case LIVE -> "UP";
      case DOWN -> "DOWN";
      case CONNECTING -> "CONNECTING";
      case DISABLED -> "OFF";
    };
  }

  private static void styleDot(Circle dot, String state) {
    dot.getStyleClass().removeIf(style -> style.startsWith("dot-"));
    dot.getStyleClass().add("dot-" + state.toLowerCase(java.util.Locale.ROOT));
  }

  private void newTask() {
    editorOpener.accept(model.editor(null));
  }

  private void edit(Task task) {
    if (task != null) {
      editorOpener.accept(model.editor(task));
    }
  }

  private void toggleSelected() {
    Task selected = taskList.getSelectionModel().getSelectedItem();
    if (selected != null) {
      model.tasks().setCompleted(selected, !selected.completed());
    }
  }

  private void confirmDelete(Task task) {
    if (task == null) {
      return;
    }
    Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Delete \"" + task.title() + "\"? This cannot be undone.",
        ButtonType.OK, ButtonType.CANCEL);
    alert.setHeaderText("Delete task");
    alert.initOwner(getScene().getWindow());
    alert.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.tasks().delete(task));
  }
}
