package dev.taskflow.desktop;

import dev.taskflow.desktop.api.TaskApi;
import dev.taskflow.desktop.live.LiveStatus;
import dev.taskflow.desktop.live.Reminder;
import dev.taskflow.desktop.task.Priority;
import dev.taskflow.desktop.task.RepeatFrom;
import dev.taskflow.desktop.task.Task;
import dev.taskflow.desktop.task.TaskDraft;
import dev.taskflow.desktop.task.TaskStatus;
import dev.taskflow.desktop.ui.MainViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * For {@code ./taskflow screenshot} ({@code -Dtaskflow.screenshot=FILE}): replaces the user's tasks
 * with realistic samples, creates one due in 25 minutes once the live feed is connected (so the
 * server sends its reminder), and when the toast shows, captures the window from the screen (under
 * Xvfb) as PNG and exits.
 */
final class ScreenshotMode {

  private final Path image;

  private ScreenshotMode(Path image) {
    this.image = image;
  }

  static Optional<ScreenshotMode> fromSystemProperties() {
    String image = System.getProperty("taskflow.screenshot");
    return image == null || image.isBlank() ? Optional.empty() : Optional.of(new ScreenshotMode(Path.of(image)));
  }

  /** Runs before the window opens: a clean, realistic set of tasks. */
  void seed(TaskApi api) {
    for (Task task : api.list(TaskStatus.ALL)) {
      api.delete(task.id());
    }
    ZoneId zone = ZoneId.systemDefault();
    LocalDate today = LocalDate.now(zone);
    api.create(task("Pay the electricity bill", today.minusDays(1), "18:00", Priority.HIGH, "Home",
        List.of("bills"), null));
    api.create(task("Quarterly report for the board", today, "16:00", Priority.HIGH, "Work",
        List.of("finance", "reports"), null));
    api.create(task("Team standup", today.plusDays(1), "09:30", Priority.MEDIUM, "Work", List.of("meetings"),
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"));
    api.create(task("Water the plants", today.plusDays(2), "08:00", Priority.LOW, "Home", List.of("garden"),
        "FREQ=WEEKLY;BYDAY=" + today.plusDays(2).getDayOfWeek().name().substring(0, 2)));
    api.create(task("Book flights to Lisbon", today.plusDays(5), "12:00", Priority.MEDIUM, "Travel",
        List.of("family", "summer"), null));
    api.create(task("Dentist check-up", today.plusDays(8), "10:15", Priority.MEDIUM, "Health", List.of(), null));
    api.create(task("Pay the rent", lastFridayAfter(today), "09:00", Priority.HIGH, "Home", List.of("bills"),
        "FREQ=MONTHLY;BYDAY=-1FR"));
    api.create(new TaskDraft("Read \"Designing Data-Intensive Applications\"", null, Priority.LOW, "Learning",
        List.of("books"), null, zone.getId(), null, RepeatFrom.DUE, 60));
  }

  private static LocalDate lastFridayAfter(LocalDate day) {
    LocalDate candidate = day.plusDays(1);
    while (candidate.getDayOfWeek() != java.time.DayOfWeek.FRIDAY || candidate.plusWeeks(1).getMonth() == candidate.getMonth()) {
      candidate = candidate.plusDays(1);
    }
    return candidate;
  }

  private static TaskDraft task(String title, LocalDate day, String time, Priority priority, String category,
      List<String> tags, String rule) {
    ZoneId zone = ZoneId.systemDefault();
    return new TaskDraft(title, null, priority, category, tags,
        ZonedDateTime.of(day, LocalTime.parse(time), zone).toInstant(), zone.getId(), rule, RepeatFrom.DUE,
        rule == null ? 60 : 15);
  }

  void attach(Stage stage, MainViewModel model, TaskApi api) {
    boolean[] triggered = {false};
    model.connection().liveStatusProperty().addListener((o, before, after) -> {
      if (after.state() == LiveStatus.State.LIVE && !triggered[0]) {
        triggered[0] = true;
        Thread trigger = new Thread(() -> api.create(new TaskDraft("Call the plumber about the leak",
            "The kitchen sink again", Priority.HIGH, "Home", List.of("house"),
            java.time.Instant.now().plus(Duration.ofMinutes(25).plusSeconds(30)), ZoneId.systemDefault().getId(),
            null, RepeatFrom.DUE, 30)), "screenshot-trigger");
        trigger.setDaemon(true);
        trigger.start();
      }
    });
    model.notifications().toasts().addListener((ListChangeListener<Reminder>) change -> {
      if (!model.notifications().toasts().isEmpty()) {
        PauseTransition settle = new PauseTransition(javafx.util.Duration.seconds(2));
        settle.setOnFinished(event -> capture(stage));
        settle.play();
      }
    });
  }

  private void capture(Stage stage) {
    Rectangle2D bounds = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    WritableImage shot = new Robot().getScreenCapture(null, bounds);
    try {
      Files.createDirectories(image.toAbsolutePath().getParent());
      ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", image.toFile());
      System.out.println("Screenshot written to " + image);
    } catch (IOException e) {
      System.err.println("Could not write the screenshot: " + e.getMessage());
    }
    Platform.exit();
  }
}
