package dev.taskflow.it;

import static dev.taskflow.it.Api.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The task endpoints end to end on the deployed EAR, real PostgreSQL behind it. */
class TaskCrudIT {

  private final String alice = Api.newUser("alice");

  @Test
  void createAnswers201WithLocationAndTheStoredTask() {
    Instant before = Instant.now().minusSeconds(1);
    Api.Reply reply =
        Api.post(
            alice,
            TASKS,
            """
            {"title": "  Prepare quarterly report  ", "description": "Numbers for Q4",
             "priority": "high", "category": "work", "tags": ["finance", "q4"],
             "dueDate": "2026-12-01T09:00:00+01:00", "timeZone": "Europe/Berlin",
             "recurrenceRule": "FREQ=MONTHLY;BYDAY=-1FR", "repeatFrom": "completion",
             "remindBeforeMinutes": 30}
            """);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    assertThat(reply.contentType()).startsWith("application/json");
    JsonObject task = reply.json();
    long id = task.getJsonNumber("id").longValue();
    assertThat(reply.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(TASKS + "/" + id));
    assertThat(task.getString("title")).isEqualTo("Prepare quarterly report");
    assertThat(task.getString("description")).isEqualTo("Numbers for Q4");
    assertThat(task.getString("priority")).isEqualTo("high");
    assertThat(task.getString("category")).isEqualTo("work");
    assertThat(task.getJsonArray("tags").getValuesAs(jakarta.json.JsonString::getString)).containsExactly("finance", "q4");
    assertThat(task.getString("dueDate")).isEqualTo("2026-12-01T08:00:00Z");
    assertThat(task.getString("timeZone")).isEqualTo("Europe/Berlin");
    assertThat(task.getString("recurrenceRule")).isEqualTo("FREQ=MONTHLY;BYDAY=-1FR");
    assertThat(task.getString("repeatFrom")).isEqualTo("completion");
    assertThat(task.getInt("remindBeforeMinutes")).isEqualTo(30);
    assertThat(task.getBoolean("completed")).isFalse();
    assertThat(task.isNull("completedAt")).isTrue();
    assertThat(task.getBoolean("reminderSent")).isFalse();
    assertThat(task.getJsonNumber("seriesId").longValue()).isEqualTo(id);
    Instant created = Instant.parse(task.getString("createdAt"));
    assertThat(created).isAfter(before).isBeforeOrEqualTo(Instant.now());
    assertThat(task.getString("createdAt")).endsWith("Z");
    assertThat(task.getString("updatedAt")).isEqualTo(task.getString("createdAt"));

    assertThat(Api.get(alice, TASKS + "/" + id).json()).isEqualTo(task);
  }

  @Test
  void defaultsApplyWhenFieldsAreAbsentOrNull() {
    JsonObject task = Api.createTask(alice, "{\"title\": \"Water plants\", \"priority\": null, \"tags\": null}");

    assertThat(task.getString("priority")).isEqualTo("medium");
    assertThat(task.getJsonArray("tags")).isEmpty();
    assertThat(task.getString("timeZone")).isEqualTo("UTC");
    assertThat(task.getString("repeatFrom")).isEqualTo("due");
    assertThat(task.getInt("remindBeforeMinutes")).isEqualTo(60);
    assertThat(task.getBoolean("completed")).isFalse();
    for (String nullable : List.of("description", "category", "dueDate", "recurrenceRule", "completedAt", "seriesId")) {
      assertThat(task.get(nullable)).as(nullable).isEqualTo(JsonValue.NULL);
    }
  }

  @Test
  void listIsOrderedByDueDateNullsLastThenIdAndFilteredByStatus() {
    long later = id(Api.createTask(alice, "{\"title\": \"later\", \"dueDate\": \"2027-03-01T10:00:00Z\"}"));
    long undated = id(Api.createTask(alice, "{\"title\": \"undated\"}"));
    long sooner = id(Api.createTask(alice, "{\"title\": \"sooner\", \"dueDate\": \"2027-01-01T10:00:00+05:00\"}"));
    long done = id(Api.createTask(alice, "{\"title\": \"done\", \"dueDate\": \"2026-12-24T10:00:00Z\"}"));
    assertThat(Api.post(alice, TASKS + "/" + done + "/complete", null).status()).isEqualTo(200);

    Api.Reply open = Api.get(alice, TASKS);
    assertThat(open.status()).isEqualTo(200);
    assertThat(ids(open)).containsExactly(sooner, later, undated);
    assertThat(open.json().getInt("total")).isEqualTo(3);

    assertThat(ids(Api.get(alice, TASKS + "?status=completed"))).containsExactly(done);
    assertThat(ids(Api.get(alice, TASKS + "?status=all"))).containsExactly(done, sooner, later, undated);

    Api.Reply first = Api.get(alice, TASKS + "?status=all&limit=2");
    assertThat(ids(first)).containsExactly(done, sooner);
    assertThat(first.json().getInt("total")).isEqualTo(4);
    String next = first.json().getString("next");
    assertThat(first.header("Link")).hasValue("</api/v1/tasks?status=all&limit=2&cursor=" + next + ">; rel=\"next\"");
    Api.Reply last = Api.get(alice, TASKS + "?status=all&limit=2&cursor=" + next);
    assertThat(ids(last)).containsExactly(later, undated);
    assertThat(last.json().containsKey("next")).as("the last page has no next").isFalse();
    assertThat(last.header("Link")).isEmpty();
  }

  @Test
  void mergePatchChangesOnlyTheGivenFields() {
    JsonObject created =
        Api.createTask(
            alice,
            "{\"title\": \"Call mum\", \"description\": \"Sunday\", \"tags\": [\"family\"], \"category\": \"home\","
                + " \"dueDate\": \"2026-12-06T18:00:00Z\"}");
    long id = id(created);

    Api.Reply reply =
        Api.patch(alice, TASKS + "/" + id, "{\"description\": null, \"tags\": [\"family\", \"phone\"], \"priority\": \"low\", \"title\": \" Call mum and dad \"}");

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonObject task = reply.json();
    assertThat(task.get("description")).isEqualTo(JsonValue.NULL);
    assertThat(task.getJsonArray("tags").getValuesAs(jakarta.json.JsonString::getString)).containsExactly("family", "phone");
    assertThat(task.getString("priority")).isEqualTo("low");
    assertThat(task.getString("title")).isEqualTo("Call mum and dad");
    assertThat(task.getString("category")).isEqualTo("home");
    assertThat(task.getString("dueDate")).isEqualTo("2026-12-06T18:00:00Z");
    assertThat(task.getString("createdAt")).isEqualTo(created.getString("createdAt"));
    assertThat(Instant.parse(task.getString("updatedAt"))).isAfter(Instant.parse(created.getString("updatedAt")));
    assertThat(Api.get(alice, TASKS + "/" + id).json()).isEqualTo(task);
  }

  @Test
  void patchAcceptsPlainJsonToo() {
    long id = id(Api.createTask(alice, "{\"title\": \"plain\"}"));

    Api.Reply reply = Api.send(alice, "PATCH", TASKS + "/" + id, "application/json", "{\"category\": \"errands\"}");

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().getString("category")).isEqualTo("errands");
  }

  @Test
  void completeIsIdempotentAndPatchCanReopen() {
    long id = id(Api.createTask(alice, "{\"title\": \"Pay rent\"}"));

    JsonObject first = Api.post(alice, TASKS + "/" + id + "/complete", null).json();
    assertThat(first.getBoolean("completed")).isTrue();
    assertThat(first.getString("completedAt")).endsWith("Z");

    Api.Reply again = Api.post(alice, TASKS + "/" + id + "/complete", null);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json()).isEqualTo(first);

    JsonObject reopened = Api.patch(alice, TASKS + "/" + id, "{\"completed\": false}").json();
    assertThat(reopened.getBoolean("completed")).isFalse();
    assertThat(reopened.get("completedAt")).isEqualTo(JsonValue.NULL);
  }

  @Test
  void deleteAnswers204ThenTheTaskIsGone() {
    long id = id(Api.createTask(alice, "{\"title\": \"Throw away\"}"));

    Api.Reply deleted = Api.delete(alice, TASKS + "/" + id);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();

    Api.Reply gone = Api.get(alice, TASKS + "/" + id);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.contentType()).startsWith("application/problem+json");
    assertThat(Api.delete(alice, TASKS + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void textIsStoredExactlyIncludingUnicode() {
    String title = "Réunion 会議 📅 \\\"quoted\\\" 'single' <b>html</b>";
    JsonObject task = Api.createTask(alice, "{\"title\": \"" + title + "\", \"description\": \"line 1\\nline 2\\ttab\"}");

    JsonObject read = Api.get(alice, TASKS + "/" + id(task)).json();
    assertThat(read.getString("title")).isEqualTo("Réunion 会議 📅 \"quoted\" 'single' <b>html</b>");
    assertThat(read.getString("description")).isEqualTo("line 1\nline 2\ttab");
  }

  static long id(JsonObject task) {
    return task.getJsonNumber("id").longValue();
  }

  static List<Long> ids(Api.Reply reply) {
    return reply.items().stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue()).toList();
  }
}
