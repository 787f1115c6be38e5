package dev.taskflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskflow.desktop.api.ApiException;
import dev.taskflow.desktop.api.HttpTaskApi;
import dev.taskflow.desktop.task.Priority;
import dev.taskflow.desktop.task.RepeatFrom;
import dev.taskflow.desktop.task.Task;
import dev.taskflow.desktop.task.TaskDraft;
import dev.taskflow.desktop.task.TaskStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The desktop client's REST client against the real server: every call it makes, and its errors. */
class DesktopClientApiIT {

  final String user = Api.newUser("desktop");
  final HttpTaskApi api = new HttpTaskApi(URI.create(Api.BASE_URL), Api.token(user));

  static TaskDraft draft(String title, Instant due) {
    return new TaskDraft(title, "Bring the insurance card", Priority.HIGH, "Health", List.of("health", "calls"), due,
        "Europe/Berlin", null, RepeatFrom.DUE, 45);
  }

  @Test
  void managesATaskThroughItsWholeLife() {
    Instant due = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
    Task created = api.create(draft("Call the dentist", due));
    assertThat(created.id()).isPositive();
    assertThat(created.dueDate()).isEqualTo(due);
    assertThat(created.tags()).containsExactly("health", "calls");

    assertThat(api.list(TaskStatus.OPEN)).extracting(Task::id).containsExactly(created.id());
    List<Task> found = api.search("dentist", TaskStatus.OPEN, 50);
    assertThat(found).extracting(Task::id).containsExactly(created.id());
    assertThat(found.get(0).rank()).isPositive();

    Task renamed = api.update(created.id(), new TaskDraft("Call the dentist about the bill", null, Priority.LOW,
        null, List.of(), due, "Europe/Berlin", "FREQ=MONTHLY;BYDAY=-1FR", RepeatFrom.COMPLETION, 10));
    assertThat(renamed.title()).isEqualTo("Call the dentist about the bill");
    assertThat(renamed.description()).isNull();
    assertThat(renamed.category()).isNull();
    assertThat(renamed.tags()).isEmpty();
    assertThat(renamed.recurrenceRule()).isEqualTo("FREQ=MONTHLY;BYDAY=-1FR");
    assertThat(renamed.repeatFrom()).isEqualTo(RepeatFrom.COMPLETION);

    assertThat(api.remindBefore(created.id(), 20).remindBeforeMinutes()).isEqualTo(20);
    assertThat(api.complete(created.id()).completed()).isTrue();
    assertThat(api.list(TaskStatus.COMPLETED)).extracting(Task::id).contains(created.id());
    assertThat(api.reopen(created.id()).completed()).isFalse();

    api.delete(created.id());
    assertThatThrownBy(() -> api.get(created.id())).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.isNotFound()).isTrue());
  }

  @Test
  void listsMoreThanOnePageInTheApisOrder() {
    Instant base = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    for (int i = 0; i < 205; i++) {
      Api.createTask(user, "{\"title\":\"bulk " + i + "\",\"dueDate\":\"" + base.plusSeconds(205 - i) + "\"}");
    }
    List<Task> all = api.list(TaskStatus.OPEN);
    assertThat(all).hasSize(205);
    assertThat(all.get(0).title()).isEqualTo("bulk 204");
    assertThat(all.get(204).title()).isEqualTo("bulk 0");
  }

  @Test
  void theServersFieldErrorsReachTheClient() {
    TaskDraft bad = new TaskDraft("ok", null, Priority.MEDIUM, null, List.of("a", "x".repeat(51)), null, "UTC",
        null, RepeatFrom.DUE, 60);
    assertThatThrownBy(() -> api.create(bad)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.fieldErrors()).extracting(ApiException.FieldError::field).containsExactly("tags[1]");
    });
    assertThat(api.list(TaskStatus.ALL)).isEmpty();
  }

  @Test
  void previewsRecurrenceAndExplainsABadRule() {
    List<OffsetDateTime> next = api.previewRecurrence("FREQ=MONTHLY;BYDAY=-1FR",
        LocalDateTime.parse("2026-01-30T09:00:00"), "Europe/Berlin", 5);
    assertThat(next).extracting(OffsetDateTime::toString).containsExactly("2026-01-30T09:00+01:00",
        "2026-02-27T09:00+01:00", "2026-03-27T09:00+01:00", "2026-04-24T09:00+02:00", "2026-05-29T09:00+02:00");

    assertThatThrownBy(() -> api.previewRecurrence("FREQ=SOMETIMES", LocalDateTime.parse("2026-01-30T09:00:00"),
        "UTC", 5)).isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.getMessage()).isNotBlank();
        });
  }

  @Test
  void anotherUsersTaskIsNotFoundAndABadTokenIsRefused() {
    long theirs = Api.createTask(Api.newUser("other"), "{\"title\":\"private\"}").getJsonNumber("id").longValue();
    assertThatThrownBy(() -> api.get(theirs)).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(() -> api.complete(theirs)).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.status()).isEqualTo(404));

    HttpTaskApi stranger = new HttpTaskApi(URI.create(Api.BASE_URL), "not.a.token");
    assertThatThrownBy(stranger::ping).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void anUnreachableServerIsAConnectionProblem() {
    HttpTaskApi nowhere = new HttpTaskApi(URI.create("http://127.0.0.1:1"), Api.token(user));
    assertThatThrownBy(nowhere::ping).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isZero();
      assertThat(e.isConnectionProblem()).isTrue();
    });
  }
}
