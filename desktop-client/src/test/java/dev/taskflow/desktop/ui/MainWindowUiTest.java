package dev.taskflow.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskflow.desktop.TaskflowApp;
import dev.taskflow.desktop.live.LiveStatus;
import dev.taskflow.desktop.live.Reminder;
import dev.taskflow.desktop.live.TaskChange;
import dev.taskflow.desktop.task.Priority;
import dev.taskflow.desktop.task.Task;
import dev.taskflow.desktop.testing.Drafts;
import dev.taskflow.desktop.testing.FakeLiveEvents;
import dev.taskflow.desktop.testing.FakeTaskApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window driven like a user would, headless (Monocle), with in-memory services. */
@ExtendWith(ApplicationExtension.class)
class MainWindowUiTest {

  final Clock clock = Clock.systemUTC();
  final FakeTaskApi api = new FakeTaskApi(clock);
  final FakeLiveEvents live = new FakeLiveEvents();
  MainViewModel model;
  FxBackgroundRunner runner;

  @Start
  void start(Stage stage) {
    Instant now = clock.instant();
    api.add(Drafts.full("Team meeting notes", now.plus(Duration.ofHours(2)), Priority.HIGH, "Work",
        List.of("meetings")), false);
    api.add(Drafts.full("Water the plants", now.plus(Duration.ofDays(1)), Priority.LOW, "Home", List.of()), false);
    api.add(Drafts.full("Buy milk", now.minus(Duration.ofHours(1)), Priority.MEDIUM, null, List.of("shop")), false);
    runner = new FxBackgroundRunner();
    model = new MainViewModel(api, live, runner, new FxUiScheduler(), clock, "alice", "http://fake");
    TaskflowApp.show(stage, model);
    model.start();
  }

  @AfterEach
  void stop() {
    model.stop();
    runner.close();
  }

  /** Waits for a condition on the scene graph, evaluated on the FX thread (which changes the graph meanwhile). */
  private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(condition));
  }

  private static <T> T onFx(Callable<T> read) throws Exception {
    return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
  }

  @SuppressWarnings("unchecked")
  private ListView<Task> taskList(FxRobot robot) {
    return robot.lookup("#taskList").queryAs(ListView.class);
  }

  private List<String> shownTitles(FxRobot robot) {
    return taskList(robot).getItems().stream().map(Task::title).toList();
  }

  @Test
  void searchingFiltersTheListAndHighlightsTheMatch(FxRobot robot) throws Exception {
    waitUntil(() -> shownTitles(robot).size() == 3);
    assertThat(onFx(() -> shownTitles(robot))).containsExactly("Buy milk", "Team meeting notes", "Water the plants");

    robot.clickOn("#searchField").write("meet");

    waitUntil(() -> shownTitles(robot).equals(List.of("Team meeting notes")));
    WaitForAsyncUtils.waitForFxEvents();
    List<String> marked = robot.lookup(".match").queryAllAs(Text.class).stream().map(Text::getText).toList();
    assertThat(marked).containsExactly("meeting");
    assertThat(api.calls).filteredOn(c -> c.startsWith("search")).last().isEqualTo("search meet");

    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    waitUntil(() -> shownTitles(robot).size() == 3);
  }

  @Test
  void creatingATaskValidatesInlineAndShowsIt(FxRobot robot) throws Exception {
    waitUntil(() -> shownTitles(robot).size() == 3);
    robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
    waitUntil(() -> robot.lookup("#saveButton").tryQuery().isPresent());

    robot.clickOn("#saveButton");

    Label titleError = robot.lookup("#titleError").queryAs(Label.class);
    waitUntil(titleError::isVisible);
    assertThat(titleError.getText()).isEqualTo("Title is required");
    assertThat(api.count("create")).isZero();

    robot.clickOn("#titleField").write("Buy a birthday present");
    robot.clickOn("#tagsField").write("family, gifts");
    robot.clickOn("#saveButton");

    waitUntil(() -> shownTitles(robot).contains("Buy a birthday present"));
    assertThat(api.calls).contains("create Buy a birthday present");
    assertThat(robot.lookup("#saveButton").tryQuery()).isEmpty();
  }

  @Test
  void aReminderEventShowsAToastWhoseCompleteButtonWorks(FxRobot robot) throws Exception {
    waitUntil(() -> shownTitles(robot).size() == 3);
    Task task = api.add(Drafts.due("Call the dentist", clock.instant().plus(Duration.ofMinutes(30))), false);

    live.emit(new Reminder("ev-1", task, 30));

    waitUntil(() -> robot.lookup(".toast .toast-complete").tryQuery().map(b -> b.getScene() != null).orElse(false));
    WaitForAsyncUtils.waitForFxEvents();
    List<String> texts = onFx(() -> {
      Node toast = robot.lookup(".toast").query();
      return robot.from(toast).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    });
    assertThat(texts).contains("Reminder · Due in 30 minutes", "Call the dentist");
    assertThat(onFx(() -> model.notifications().notifications().size())).isEqualTo(1);

    robot.clickOn(".toast .toast-complete");

    waitUntil(() -> robot.lookup(".toast").tryQuery().isEmpty());
    waitUntil(() -> api.calls.contains("complete " + task.id()));
    waitUntil(() -> !shownTitles(robot).contains("Call the dentist"));
  }

  @Test
  void doubleClickEditsAndTheChangeShowsInTheList(FxRobot robot) throws Exception {
    waitUntil(() -> shownTitles(robot).size() == 3);
    robot.doubleClickOn("Water the plants");
    waitUntil(() -> robot.lookup("#saveButton").tryQuery().isPresent());
    javafx.scene.control.TextField title = robot.lookup("#titleField").queryAs(javafx.scene.control.TextField.class);
    assertThat(title.getText()).isEqualTo("Water the plants");

    robot.clickOn("#titleField").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
        .write("Water the garden");
    robot.clickOn("#saveButton");

    waitUntil(() -> shownTitles(robot).contains("Water the garden"));
    assertThat(onFx(() -> shownTitles(robot))).doesNotContain("Water the plants");
    assertThat(api.calls).anyMatch(c -> c.startsWith("update "));
  }

  @Test
  void deleteAsksFirstThenRemovesTheTask(FxRobot robot) throws Exception {
    waitUntil(() -> shownTitles(robot).size() == 3);
    robot.clickOn("Buy milk");
    robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
    waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    assertThat(robot.lookup(".dialog-pane .content").queryLabeled().getText())
        .isEqualTo("Delete \"Buy milk\"? This cannot be undone.");

    robot.clickOn("OK");

    waitUntil(() -> !shownTitles(robot).contains("Buy milk"));
    assertThat(api.calls).anyMatch(c -> c.startsWith("delete "));
  }

  @Test
  void theStatusBarShowsWhenTheLiveFeedDropsAndComesBack(FxRobot robot) throws Exception {
    Label liveStatus = robot.lookup("#liveStatus").queryAs(Label.class);
    waitUntil(() -> liveStatus.getText().startsWith("Live"));

    live.emit(LiveStatus.down("fake:9092"));
    waitUntil(() -> liveStatus.getText().contains("unreachable"));

    live.emit(LiveStatus.live("fake:9092"));
    waitUntil(() -> liveStatus.getText().startsWith("Live"));
  }

  @Test
  void aTaskCreatedElsewhereAppearsFromItsEvent(FxRobot robot) throws Exception {
    waitUntil(() -> shownTitles(robot).size() == 3);
    Task task = api.add(Drafts.due("Added on the phone", clock.instant().plus(Duration.ofHours(5))), false);

    live.emit(new TaskChange("ev-2", TaskChange.Kind.CREATED, task));

    waitUntil(() -> shownTitles(robot).contains("Added on the phone"));
    assertThat(api.count("list")).isEqualTo(1);
  }
}
