package dev.taskflow.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskflow.task.FieldError;
import dev.taskflow.task.InvalidTaskException;
import dev.taskflow.task.Priority;
import dev.taskflow.task.RepeatFrom;
import dev.taskflow.task.TaskDraft;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskInputTest {

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private static List<FieldError> errors(String text) {
    try {
      TaskInput.parse(json(text));
    } catch (InvalidTaskException e) {
      return e.errors();
    }
    throw new AssertionError("expected a rejection of " + text);
  }

  @Test
  void appliesDefaults() {
    TaskDraft draft = TaskInput.parse(json("{\"title\": \"t\"}"));

    assertThat(draft.priority()).isEqualTo(Priority.MEDIUM);
    assertThat(draft.tags()).isEmpty();
    assertThat(draft.timeZone()).isEqualTo("UTC");
    assertThat(draft.repeatFrom()).isEqualTo(RepeatFrom.DUE);
    assertThat(draft.remindBeforeMinutes()).isEqualTo(60);
    assertThat(draft.completed()).isFalse();
    assertThat(draft.description()).isNull();
    assertThat(draft.dueDate()).isNull();
  }

  @Test
  void trimsTitleTagsAndCategoryButKeepsDescriptionAsIs() {
    TaskDraft draft =
        TaskInput.parse(json("{\"title\": \"  t  \", \"tags\": [\" a \"], \"category\": \"  \", \"description\": \"  d  \"}"));

    assertThat(draft.title()).isEqualTo("t");
    assertThat(draft.tags()).containsExactly("a");
    assertThat(draft.category()).isNull();
    assertThat(draft.description()).isEqualTo("  d  ");
  }

  @Test
  void readsEveryField() {
    TaskDraft draft =
        TaskInput.parse(
            json(
                "{\"title\": \"t\", \"priority\": \"low\", \"dueDate\": \"2026-03-29T01:30:00-04:00\","
                    + " \"timeZone\": \"America/New_York\", \"recurrenceRule\": \"FREQ=WEEKLY;BYDAY=MO,WE\","
                    + " \"repeatFrom\": \"completion\", \"remindBeforeMinutes\": 0, \"completed\": true}"));

    assertThat(draft.priority()).isEqualTo(Priority.LOW);
    assertThat(draft.dueDate()).isEqualTo(Instant.parse("2026-03-29T05:30:00Z"));
    assertThat(draft.timeZone()).isEqualTo("America/New_York");
    assertThat(draft.recurrenceRule()).isEqualTo("FREQ=WEEKLY;BYDAY=MO,WE");
    assertThat(draft.repeatFrom()).isEqualTo(RepeatFrom.COMPLETION);
    assertThat(draft.remindBeforeMinutes()).isZero();
    assertThat(draft.completed()).isTrue();
  }

  @Test
  void lengthsCountCharactersNotUtf16Units() {
    String emoji200 = "😀".repeat(200);
    assertThat(TaskInput.parse(json("{\"title\": \"" + emoji200 + "\"}")).title()).isEqualTo(emoji200);
    assertThat(errors("{\"title\": \"" + emoji200 + "x\"}")).extracting(FieldError::field).containsExactly("title");
  }

  @Test
  void acceptsTheBoundaries() {
    TaskDraft draft =
        TaskInput.parse(
            json(
                "{\"title\": \"" + "t".repeat(200) + "\", \"category\": \"" + "c".repeat(50) + "\", \"remindBeforeMinutes\": 43200,"
                    + " \"tags\": [" + String.join(",", java.util.stream.IntStream.range(0, 20).mapToObj(i -> "\"" + "g".repeat(48) + i % 10 + i / 10 + "\"").toList()) + "]}"));
    assertThat(draft.tags()).hasSize(20);
    assertThat(draft.remindBeforeMinutes()).isEqualTo(43200);
  }

  @Test
  void wholeNumbersWrittenAsDecimalsAreAccepted() {
    assertThat(TaskInput.parse(json("{\"title\": \"t\", \"remindBeforeMinutes\": 30.0}")).remindBeforeMinutes()).isEqualTo(30);
    assertThat(TaskInput.parse(json("{\"title\": \"t\", \"remindBeforeMinutes\": 1e2}")).remindBeforeMinutes()).isEqualTo(100);
  }

  @Test
  void reportsEveryBrokenField() {
    assertThat(errors("{\"title\": \"\", \"priority\": \"x\", \"tags\": [\"a\", \"a\"], \"completed\": 1}"))
        .extracting(FieldError::field)
        .containsExactly("title", "priority", "tags[1]", "completed");
  }

  @Test
  void controlCharactersAreRejectedInSingleLineFields() {
    assertThat(errors("{\"title\": \"a\\u0007b\"}")).extracting(FieldError::field).containsExactly("title");
    assertThat(errors("{\"title\": \"t\", \"tags\": [\"a\\nb\"]}")).extracting(FieldError::field).containsExactly("tags[0]");
    assertThat(TaskInput.parse(json("{\"title\": \"t\", \"description\": \"a\\nb\"}")).description()).isEqualTo("a\nb");
  }

  @Test
  void ruleMessagesSayWhatIsWrong() {
    assertThat(errors("{\"title\": \"t\", \"dueDate\": \"2026-01-01T00:00:00Z\", \"recurrenceRule\": \"FREQ=DAILY;COUNT=2;UNTIL=20270101T000000Z\"}"))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("UNTIL", "COUNT"));
    assertThat(errors("{\"title\": \"t\", \"recurrenceRule\": \"FREQ=DAILY\"}"))
        .singleElement()
        .satisfies(e -> assertThat(e.message()).contains("dueDate"));
  }

  @Test
  void rejectionsCarryNoValues() {
    assertThatThrownBy(() -> TaskInput.parse(json("{\"title\": 1}"))).isInstanceOf(InvalidTaskException.class);
  }
}
