package dev.taskflow.desktop.task;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskJsonTest {

  @Test
  void aDraftCarriesEveryWritableFieldWithExplicitNulls() {
    JsonObject json = TaskJson.draft(new TaskDraft("Title", null, Priority.HIGH, null, List.of("a", "b"),
        Instant.parse("2026-12-01T08:00:00Z"), "Europe/Berlin", null, RepeatFrom.COMPLETION, 15));
    assertThat(json.toString()).isEqualTo("{\"title\":\"Title\",\"priority\":\"high\",\"tags\":[\"a\",\"b\"],"
        + "\"timeZone\":\"Europe/Berlin\",\"repeatFrom\":\"completion\",\"remindBeforeMinutes\":15,"
        + "\"description\":null,\"category\":null,\"dueDate\":\"2026-12-01T08:00:00Z\",\"recurrenceRule\":null}");
  }

  @Test
  void readsATaskAndItsSearchRank() {
    JsonObject json = Json.createReader(new StringReader("""
        {"id":3,"title":"Plan","description":null,"priority":"low","category":"Work","tags":[],
         "dueDate":"2026-12-01T09:00:00+01:00","timeZone":"Europe/Berlin","recurrenceRule":"FREQ=DAILY",
         "repeatFrom":"due","remindBeforeMinutes":0,"completed":true,"completedAt":"2026-11-27T10:00:00Z",
         "reminderSent":false,"seriesId":3,"createdAt":"2026-11-27T09:00:00Z",
         "updatedAt":"2026-11-27T10:00:00Z","rank":0.42}""")).readObject();
    Task task = TaskJson.task(json);
    assertThat(task.dueDate()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
    assertThat(task.priority()).isEqualTo(Priority.LOW);
    assertThat(task.remindBeforeMinutes()).isZero();
    assertThat(task.completed()).isTrue();
    assertThat(task.seriesId()).isEqualTo(3L);
    assertThat(task.rank()).isEqualTo(0.42);
    assertThat(task.isRecurring()).isTrue();
  }
}
