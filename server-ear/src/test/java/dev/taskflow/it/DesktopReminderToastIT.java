package dev.taskflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskflow.desktop.TaskflowApp;
import dev.taskflow.desktop.api.HttpTaskApi;
import dev.taskflow.desktop.live.KafkaLiveEvents;
import dev.taskflow.desktop.live.LiveStatus;
import dev.taskflow.desktop.ui.FxBackgroundRunner;
import dev.taskflow.desktop.ui.FxUiScheduler;
import dev.taskflow.desktop.ui.MainViewModel;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.api.FxToolkit;

/**
 * End to end, as a user sees it: the desktop window (headless) against the real server and broker.
 * A task created through the API, due in 30 minutes, appears as a toast; its Complete button
 * completes the task on the server.
 */
class DesktopReminderToastIT {

  final String user = Api.newUser("toast");
  final FxRobot robot = new FxRobot();
  final FxBackgroundRunner runner = new FxBackgroundRunner();
  MainViewModel model;

  @BeforeEach
  void openTheWindow() throws Exception {
    FxToolkit.registerPrimaryStage();
    model = new MainViewModel(new HttpTaskApi(URI.create(Api.BASE_URL), Api.token(user)),
        new KafkaLiveEvents(KafkaClients.desktop(), user), runner, new FxUiScheduler(), Clock.systemDefaultZone(),
        user, Api.BASE_URL);
    FxToolkit.setupStage(stage -> {
      TaskflowApp.show(stage, model);
      model.start();
    });
  }

  @AfterEach
  void closeTheWindow() throws Exception {
    model.stop();
    runner.close();
    FxToolkit.cleanupStages();
  }

  @Test
  void aTaskDueInThirtyMinutesAppearsAsAToast() throws Exception {
    Label liveStatus = robot.lookup("#liveStatus").queryAs(Label.class);
    await().atMost(Duration.ofSeconds(30)).until(() -> liveStatus.getText().startsWith("Live"));
    assertThat(robot.lookup("#restStatus").queryAs(Label.class).getText()).startsWith("Server: ");

    long id = Api.createTask(user, "{\"title\":\"Pick up the kids\",\"dueDate\":\""
        + Instant.now().plus(Duration.ofMinutes(30)) + "\"}").getJsonNumber("id").longValue();

    await().atMost(Duration.ofSeconds(20)).until(() -> WaitForAsyncUtils.asyncFx(() -> robot.lookup("#toast-" + id)
        .tryQuery().map(t -> t.getScene() != null).orElse(false)).get());
    WaitForAsyncUtils.waitForFxEvents();
    List<String> texts = WaitForAsyncUtils.asyncFx(() -> {
      Node toast = robot.lookup("#toast-" + id).query();
      return robot.from(toast).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }).get();
    assertThat(texts).contains("Pick up the kids")
        .anyMatch(t -> t.equals("Reminder · Due in 30 minutes") || t.equals("Reminder · Due in 29 minutes"));

    robot.clickOn("#toast-" + id + " .toast-complete");

    await().atMost(Duration.ofSeconds(10))
        .until(() -> Api.get(user, Api.TASKS + "/" + id).json().getBoolean("completed"));
    await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#toast-" + id).tryQuery().isEmpty());
  }
}
