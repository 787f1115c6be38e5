package dev.taskflow.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTest {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.123456789Z");

  private static TaskDraft draft(Instant due, int remind, boolean completed) {
    return new TaskDraft("t", null, Priority.MEDIUM, null, List.of(), due, "UTC", null, RepeatFrom.DUE, remind, completed);
  }

  @Test
  void timestampsAreKeptToTheMicrosecondLikePostgresql() {
    Task task = Task.create("u", draft(NOW, 60, false), NOW);

    assertThat(task.createdAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00.123456Z"));
    assertThat(task.dueDate()).isEqualTo(Instant.parse("2026-11-27T10:00:00.123456Z"));
  }

  @Test
  void completingStampsTheTimeOnceAndReopeningClearsIt() {
    Task task = Task.create("u", draft(null, 60, false), NOW);

    assertThat(task.complete(NOW)).isTrue();
    assertThat(task.complete(NOW.plusSeconds(60))).isFalse();
    assertThat(task.completedAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00.123456Z"));

    task.apply(draft(null, 60, false), NOW.plusSeconds(120));
    assertThat(task.completed()).isFalse();
    assertThat(task.completedAt()).isNull();
  }

  @Test
  void completingThroughADraftKeepsAnEarlierCompletionTime() {
    Task task = Task.create("u", draft(null, 60, true), NOW);

    task.apply(draft(null, 60, true), NOW.plusSeconds(300));

    assertThat(task.completedAt()).isEqualTo(Instant.parse("2026-11-27T10:00:00.123456Z"));
  }

  @Test
  void theDraftRoundTrips() {
    TaskDraft draft =
        new TaskDraft("t", "d", Priority.HIGH, "c", List.of("a", "b"), Instant.parse("2027-01-01T00:00:00Z"), "Europe/Berlin",
            "FREQ=DAILY", RepeatFrom.COMPLETION, 15, false);

    assertThat(Task.create("u", draft, NOW).draft()).isEqualTo(draft);
  }
}
