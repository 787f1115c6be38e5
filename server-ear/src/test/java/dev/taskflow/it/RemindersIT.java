package dev.taskflow.it;

import static dev.taskflow.it.Api.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskflow.reminder.ReminderService;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Reminders on the deployed server: on time, exactly once, re-armed, never for done or past tasks. */
class RemindersIT {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private final String user = Api.newUser("reminded");

  private static long id(JsonObject task) {
    return task.getJsonNumber("id").longValue();
  }

  private static String inMinutes(double minutes) {
    return Instant.now().plusMillis((long) (minutes * 60_000)).truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private List<EventLog.Event> reminders() {
    return EventLog.eventsOf(user, List.of("task-reminders"));
  }

  private List<EventLog.Event> awaitReminders(int count) {
    return Awaitility.await(count + " reminders")
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(250))
        .until(this::reminders, events -> events.size() >= count);
  }

  @Test
  void aTaskDueIn30MinutesIsRemindedAtOnceWithTheLogLineAndTheEvent() throws Exception {
    JsonObject task = Api.createTask(user, "{\"title\": \"Call the dentist\", \"dueDate\": \"" + inMinutes(30) + "\"}");

    EventLog.Event reminder = awaitReminders(1).get(0);

    assertThat(reminder.type()).isEqualTo("taskflow.reminder.sent");
    assertThat(reminder.topic()).isEqualTo("task-reminders");
    assertThat(reminder.key()).isEqualTo(String.valueOf(id(task)));
    int minutes = reminder.value().getJsonObject("data").getInt("minutesUntilDue");
    assertThat(minutes).isBetween(29, 30);
    assertThat(reminder.task().getBoolean("reminderSent")).isTrue();
    String line = "\uD83D\uDD14 REMINDER: Task 'Call the dentist' (ID: " + id(task) + ") is due in " + minutes + " minutes";
    Awaitility.await("the reminder's log line")
        .atMost(PATIENCE)
        .until(() -> Stack.logMessages("taskflow").contains(line));
    assertThat(Api.get(user, TASKS + "/" + id(task)).json().getBoolean("reminderSent")).isTrue();
  }

  @Test
  void aTitleWithLineAndBidiSeparatorsCannotForgeAReminderLine() throws Exception {
    String forged = "\uD83D\uDD14 REMINDER: Task 'FORGED' (ID: 70) is due in 1 minutes";
    String title = "Pay rent\u2028" + forged + "\u2029\u202E\u2066x";
    JsonObject task = Api.createTask(user, jakarta.json.Json.createObjectBuilder().add("title", title)
        .add("dueDate", inMinutes(30)).build().toString());

    EventLog.Event reminder = awaitReminders(1).get(0);
    int minutes = reminder.value().getJsonObject("data").getInt("minutesUntilDue");
    String line = "\uD83D\uDD14 REMINDER: Task 'Pay rent\\u2028" + forged + "\\u2029\\u202E\\u2066x' (ID: "
        + id(task) + ") is due in " + minutes + " minutes";
    Awaitility.await("the reminder's log line, escaped")
        .atMost(PATIENCE)
        .until(() -> Stack.logMessages("taskflow").contains(line));
    assertThat(Stack.logMessages("taskflow")).as("no message of the log starts as the forged one")
        .noneMatch(message -> message.startsWith(forged));
    assertThat(Files.readAllLines(Stack.messagesLog("taskflow"), StandardCharsets.UTF_8))
        .as("no physical line of the log starts as the forged one").noneMatch(raw -> raw.startsWith(forged));
  }

  @Test
  void theReminderGoesOutWhenItsWindowOpensNotBefore() {
    Instant opens = Instant.now().plusSeconds(4);
    JsonObject task =
        Api.createTask(user, "{\"title\": \"Soon\", \"remindBeforeMinutes\": 10, \"dueDate\": \"" + opens.plus(Duration.ofMinutes(10)) + "\"}");

    EventLog.Event reminder = awaitReminders(1).get(0);

    assertThat(reminder.key()).isEqualTo(String.valueOf(id(task)));
    assertThat(Instant.parse(reminder.value().getString("time"))).isAfterOrEqualTo(opens.truncatedTo(ChronoUnit.MILLIS));
    assertThat(reminder.value().getJsonObject("data").getInt("minutesUntilDue")).isEqualTo(10);
  }

  @Test
  void aLeadTimeOfZeroRemindsAtTheDueTime() {
    Instant due = Instant.now().plusSeconds(3);
    JsonObject task = Api.createTask(user, "{\"title\": \"Now\", \"remindBeforeMinutes\": 0, \"dueDate\": \"" + due + "\"}");

    EventLog.Event reminder = awaitReminders(1).get(0);

    assertThat(reminder.key()).isEqualTo(String.valueOf(id(task)));
    assertThat(reminder.value().getJsonObject("data").getInt("minutesUntilDue")).isZero();
    assertThat(Instant.parse(reminder.value().getString("time"))).isAfterOrEqualTo(due.truncatedTo(ChronoUnit.MILLIS));
  }

  @Test
  void changingTheDueDateOrTheLeadTimeReArmsTheReminder() {
    JsonObject task = Api.createTask(user, "{\"title\": \"Moving target\", \"dueDate\": \"" + inMinutes(30) + "\"}");
    awaitReminders(1);

    Api.Reply moved = Api.patch(user, TASKS + "/" + id(task), "{\"dueDate\": \"" + inMinutes(45) + "\"}");
    assertThat(moved.json().getBoolean("reminderSent")).as("re-armed").isFalse();
    List<EventLog.Event> both = awaitReminders(2);
    assertThat(both.get(1).value().getJsonObject("data").getInt("minutesUntilDue")).isBetween(44, 45);

    JsonObject later = Api.createTask(user, "{\"title\": \"Later\", \"dueDate\": \"" + inMinutes(180) + "\"}");
    assertThat(Api.patch(user, TASKS + "/" + id(later), "{\"remindBeforeMinutes\": 240}").status()).isEqualTo(200);
    // Events are in order per partition only; the two tasks' keys may fall in different partitions.
    assertThat(awaitReminders(3)).extracting(EventLog.Event::key)
        .containsExactlyInAnyOrder(String.valueOf(id(task)), String.valueOf(id(task)), String.valueOf(id(later)));
  }

  @Test
  void completedDeletedAndPastDueTasksGetNoReminder() {
    Api.createTask(user, "{\"title\": \"Already done\", \"completed\": true, \"dueDate\": \"" + inMinutes(30) + "\"}");
    Api.createTask(user, "{\"title\": \"Too late\", \"dueDate\": \"" + inMinutes(-5) + "\"}");
    JsonObject completedLater = Api.createTask(user, "{\"title\": \"Done early\", \"dueDate\": \"" + inMinutes(120) + "\"}");
    Api.post(user, TASKS + "/" + id(completedLater) + "/complete", null);
    Api.patch(user, TASKS + "/" + id(completedLater), "{\"remindBeforeMinutes\": 180}");
    JsonObject deleted = Api.createTask(user, "{\"title\": \"Gone\", \"dueDate\": \"" + inMinutes(120) + "\"}");
    Api.delete(user, TASKS + "/" + id(deleted));
    // a marker whose reminder is due now: once it is sent, the others would have been too
    JsonObject marker = Api.createTask(user, "{\"title\": \"Marker\", \"dueDate\": \"" + inMinutes(30) + "\"}");

    List<EventLog.Event> sent = awaitReminders(1);
    EventLog.awaitOutboxDrained(PATIENCE);

    assertThat(reminders()).extracting(EventLog.Event::key).containsExactly(String.valueOf(id(marker)));
    assertThat(sent).hasSize(1);
  }

  @Test
  void theClaimUsesThePartialReminderIndex() throws Exception {
    try (Connection db = SchemaIT.connect(); Statement sql = db.createStatement()) {
      sql.execute(
          "INSERT INTO tasks (user_id, title, due_date, completed, completed_at, reminder_sent)"
              + " SELECT 'explain-" + user + "', 'done ' || n, now() - (n || ' minutes')::interval, true, now(), true"
              + " FROM generate_series(1, 20000) n");
      sql.execute(
          "INSERT INTO tasks (user_id, title, due_date)"
              + " SELECT 'explain-" + user + "', 'open ' || n, now() + (n || ' days')::interval FROM generate_series(1, 200) n");
      sql.execute("ANALYZE tasks");
      // the claim's own selection of rows (the server's code), as EXPLAIN shows it
      String inner = "SELECT id FROM tasks WHERE " + ReminderService.PENDING + " AND remind_at <= clock_timestamp()"
          + " ORDER BY remind_at LIMIT 500 FOR UPDATE SKIP LOCKED";
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = sql.executeQuery("EXPLAIN " + inner)) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      assertThat(plan).as(plan.toString()).contains("tasks_reminder_idx").doesNotContain("Seq Scan");
      sql.execute("DELETE FROM tasks WHERE user_id = 'explain-" + user + "'");
    }
  }

  @Test
  void twoServersOnOneDatabaseSendEachReminderExactlyOnce() throws Exception {
    int port = Integer.parseInt(Api.BASE_URL.replaceAll(".*:", "")) + 1;
    String second = "http://localhost:" + port;
    Stack.startSecondServer("taskflow2", port);
    try {
      Stack.awaitReady(second);
      String token = Api.token(user);
      List<Long> ids = new ArrayList<>();
      // every window opens at the same moment, so both servers' timers race for the same rows
      String due = Instant.now().plusSeconds(12).plus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.MILLIS).toString();
      for (int i = 0; i < 200; i++) {
        String base = i % 2 == 0 ? Api.BASE_URL : second;
        Api.Reply created =
            Api.sendTo(base, token, "POST", TASKS, "application/json", "{\"title\": \"Twice? " + i + "\", \"remindBeforeMinutes\": 20, \"dueDate\": \"" + due + "\"}");
        assertThat(created.status()).isEqualTo(201);
        ids.add(id(created.json()));
      }

      Awaitility.await("every reminder")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> reminders().stream().map(EventLog.Event::key).distinct().count() == ids.size());
      EventLog.awaitOutboxDrained(PATIENCE);

      Map<String, Long> perTask = reminders().stream().collect(Collectors.groupingBy(EventLog.Event::key, Collectors.counting()));
      assertThat(perTask).hasSize(ids.size());
      assertThat(perTask.values()).as("no reminder twice").containsOnly(1L);
      String secondLog = Files.readString(Stack.messagesLog("taskflow2"), StandardCharsets.UTF_8);
      String firstLog = Files.readString(Stack.messagesLog("taskflow"), StandardCharsets.UTF_8);
      long logged = ids.stream().filter(id -> firstLog.contains("(ID: " + id + ")") || secondLog.contains("(ID: " + id + ")")).count();
      long loggedTwice = ids.stream().filter(id -> firstLog.contains("(ID: " + id + ")") && secondLog.contains("(ID: " + id + ")")).count();
      assertThat(logged).isEqualTo(ids.size());
      assertThat(loggedTwice).isZero();
    } finally {
      Stack.stopServer("taskflow2");
    }
  }

}
