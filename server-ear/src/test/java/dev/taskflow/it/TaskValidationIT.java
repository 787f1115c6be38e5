package dev.taskflow.it;

import static dev.taskflow.it.Api.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.stream.Stream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every validation rule answers 400 problem+json naming the field, and writes nothing. */
class TaskValidationIT {

  private final String user = Api.newUser("validator");

  static Stream<Arguments> invalidTasks() {
    String longText = "x".repeat(201);
    return Stream.of(
        Arguments.of("title missing", "{}", "title"),
        Arguments.of("title null", "{\"title\": null}", "title"),
        Arguments.of("title blank", "{\"title\": \"   \"}", "title"),
        Arguments.of("title a number", "{\"title\": 5}", "title"),
        Arguments.of("title too long", "{\"title\": \"" + longText + "\"}", "title"),
        Arguments.of("title with NUL", "{\"title\": \"a\\u0000b\"}", "title"),
        Arguments.of("description too long", "{\"title\": \"t\", \"description\": \"" + "d".repeat(10_001) + "\"}", "description"),
        Arguments.of("description an object", "{\"title\": \"t\", \"description\": {}}", "description"),
        Arguments.of("priority unknown", "{\"title\": \"t\", \"priority\": \"urgent\"}", "priority"),
        Arguments.of("priority upper case", "{\"title\": \"t\", \"priority\": \"HIGH\"}", "priority"),
        Arguments.of("priority a number", "{\"title\": \"t\", \"priority\": 1}", "priority"),
        Arguments.of("category too long", "{\"title\": \"t\", \"category\": \"" + "c".repeat(51) + "\"}", "category"),
        Arguments.of("tags a string", "{\"title\": \"t\", \"tags\": \"a,b\"}", "tags"),
        Arguments.of("too many tags", "{\"title\": \"t\", \"tags\": [" + tags(21) + "]}", "tags"),
        Arguments.of("tag too long", "{\"title\": \"t\", \"tags\": [\"" + "g".repeat(51) + "\"]}", "tags[0]"),
        Arguments.of("tag blank", "{\"title\": \"t\", \"tags\": [\"ok\", \" \"]}", "tags[1]"),
        Arguments.of("tag not a string", "{\"title\": \"t\", \"tags\": [1]}", "tags[0]"),
        Arguments.of("duplicate tags", "{\"title\": \"t\", \"tags\": [\"a\", \"b\", \"a\"]}", "tags[2]"),
        Arguments.of("dueDate not a date", "{\"title\": \"t\", \"dueDate\": \"next friday\"}", "dueDate"),
        Arguments.of("dueDate a date that does not exist", "{\"title\": \"t\", \"dueDate\": \"2030-02-29\"}", "dueDate"),
        Arguments.of("dueDate at 24:00", "{\"title\": \"t\", \"dueDate\": \"2030-01-05T24:00:00Z\"}", "dueDate"),
        Arguments.of("dueDate in month 13", "{\"title\": \"t\", \"dueDate\": \"2030-13-05T09:00:00Z\"}", "dueDate"),
        Arguments.of("dueDate's offset not the zone's",
            "{\"title\": \"t\", \"dueDate\": \"2030-01-05T09:00:00+01:00\", \"timeZone\": \"America/New_York\"}", "dueDate"),
        Arguments.of("a mistyped field", "{\"title\": \"t\", \"dueDat\": \"2030-01-05T09:00:00Z\"}", "dueDat"),
        Arguments.of("a read-only field", "{\"title\": \"t\", \"id\": 5}", "id"),
        Arguments.of("dueDate a number", "{\"title\": \"t\", \"dueDate\": 1764579600}", "dueDate"),
        Arguments.of("dueDate impossible day", "{\"title\": \"t\", \"dueDate\": \"2026-02-30T09:00:00Z\"}", "dueDate"),
        Arguments.of("timeZone unknown", "{\"title\": \"t\", \"timeZone\": \"Mars/Olympus_Mons\"}", "timeZone"),
        Arguments.of("timeZone an offset", "{\"title\": \"t\", \"timeZone\": \"+01:00\"}", "timeZone"),
        Arguments.of("timeZone a number", "{\"title\": \"t\", \"timeZone\": 1}", "timeZone"),
        Arguments.of("rule garbage", due("\"every day\""), "recurrenceRule"),
        Arguments.of("rule COUNT and UNTIL", due("\"FREQ=DAILY;COUNT=3;UNTIL=20270101T000000Z\""), "recurrenceRule"),
        Arguments.of("rule BYMONTH=13", due("\"FREQ=YEARLY;BYMONTH=13\""), "recurrenceRule"),
        Arguments.of("rule INTERVAL=0", due("\"FREQ=DAILY;INTERVAL=0\""), "recurrenceRule"),
        Arguments.of("rule numeric BYDAY in WEEKLY", due("\"FREQ=WEEKLY;BYDAY=1MO\""), "recurrenceRule"),
        Arguments.of("rule BYWEEKNO in MONTHLY", due("\"FREQ=MONTHLY;BYWEEKNO=1\""), "recurrenceRule"),
        Arguments.of("rule with RRULE: prefix", due("\"RRULE:FREQ=DAILY\""), "recurrenceRule"),
        Arguments.of("rule too frequent", due("\"FREQ=MINUTELY\""), "recurrenceRule"),
        Arguments.of("rule of 10 KB", due("\"FREQ=DAILY;" + "BYHOUR=1;".repeat(1100) + "\""), "recurrenceRule"),
        Arguments.of("rule that never repeats", due("\"FREQ=DAILY;COUNT=1\""), "recurrenceRule"),
        Arguments.of("rule ending before the due date", due("\"FREQ=DAILY;UNTIL=20261101T000000Z\""), "recurrenceRule"),
        Arguments.of("rule twice within an hour", due("\"FREQ=DAILY;BYHOUR=9;BYMINUTE=0,30\""), "recurrenceRule"),
        Arguments.of("rule too expensive to expand", due("\"" + RecurrenceBoundsIT.EXPLOSIVE + "\""), "recurrenceRule"),
        Arguments.of("rule that never occurs", due("\"FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\""), "recurrenceRule"),
        Arguments.of("rule without dueDate", "{\"title\": \"t\", \"recurrenceRule\": \"FREQ=DAILY\"}", "recurrenceRule"),
        Arguments.of("repeatFrom unknown", "{\"title\": \"t\", \"repeatFrom\": \"start\"}", "repeatFrom"),
        Arguments.of("remind negative", "{\"title\": \"t\", \"remindBeforeMinutes\": -1}", "remindBeforeMinutes"),
        Arguments.of("remind above 30 days", "{\"title\": \"t\", \"remindBeforeMinutes\": 43201}", "remindBeforeMinutes"),
        Arguments.of("remind a fraction", "{\"title\": \"t\", \"remindBeforeMinutes\": 1.5}", "remindBeforeMinutes"),
        Arguments.of("remind a string", "{\"title\": \"t\", \"remindBeforeMinutes\": \"60\"}", "remindBeforeMinutes"),
        Arguments.of("remind huge", "{\"title\": \"t\", \"remindBeforeMinutes\": 1e400}", "remindBeforeMinutes"),
        Arguments.of("completed a string", "{\"title\": \"t\", \"completed\": \"yes\"}", "completed"),
        Arguments.of("malformed JSON", "{\"title\": ", "body"),
        Arguments.of("trailing garbage", "{\"title\": \"t\"} x", "body"),
        Arguments.of("an array", "[{\"title\": \"t\"}]", "body"),
        Arguments.of("a bare string", "\"title\"", "body"),
        Arguments.of("empty body", "", "body"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidTasks")
  void createRejectsWith400NamingTheField(String why, String body, String field) {
    Api.Reply reply = Api.post(user, TASKS, body);

    assertProblem(reply, 400);
    assertThat(reply.errorFields()).as(reply.toString()).contains(field);
    assertThat(reply.json().getString("detail")).isNotBlank();
    assertThat(Api.get(user, TASKS + "?status=all").json().getInt("total")).as("nothing written").isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidTasks")
  void patchRejectsWith400AndLeavesTheTaskAlone(String why, String body, String field) {
    if (field.equals("title") && !body.contains("\"title\"")) {
      return; // a patch without a title keeps the current one: nothing to reject
    }
    JsonObject task =
        Api.createTask(user, "{\"title\": \"Original\", \"dueDate\": \"2026-12-01T09:00:00Z\", \"tags\": [\"x\"]}");
    String path = TASKS + "/" + task.getJsonNumber("id").longValue();

    Api.Reply reply = Api.patch(user, path, body.replace("\"dueDate\": \"2026-12-01T09:00:00Z\", ", ""));

    if (why.equals("rule without dueDate")) {
      // the task has a due date, so the same rule is fine on a patch
      assertThat(reply.status()).isEqualTo(200);
      return;
    }
    assertProblem(reply, 400);
    assertThat(reply.errorFields()).as(reply.toString()).contains(field);
    assertThat(Api.get(user, path).json()).as("unchanged").isEqualTo(task);
  }

  @Test
  void removingTheDueDateOfARecurringTaskIsRejected() {
    JsonObject task =
        Api.createTask(user, "{\"title\": \"Standup\", \"dueDate\": \"2026-12-01T09:00:00Z\", \"recurrenceRule\": \"FREQ=DAILY\"}");

    Api.Reply reply = Api.patch(user, TASKS + "/" + task.getJsonNumber("id").longValue(), "{\"dueDate\": null}");

    assertProblem(reply, 400);
    assertThat(reply.errorFields()).contains("recurrenceRule");
  }

  @Test
  void everyBrokenFieldIsReportedAtOnce() {
    Api.Reply reply =
        Api.post(user, TASKS, "{\"title\": 1, \"priority\": \"x\", \"timeZone\": \"Nowhere\", \"remindBeforeMinutes\": -5}");

    assertProblem(reply, 400);
    assertThat(reply.errorFields()).containsExactlyInAnyOrder("title", "priority", "timeZone", "remindBeforeMinutes");
    assertThat(reply.json().getString("title")).isEqualTo("Invalid task");
  }

  @Test
  void aPatchMustBeAJsonObject() {
    JsonObject task = Api.createTask(user, "{\"title\": \"t\"}");

    Api.Reply reply = Api.patch(user, TASKS + "/" + task.getJsonNumber("id").longValue(), "[]");

    assertProblem(reply, 400);
    assertThat(reply.errorFields()).containsExactly("body");
  }

  @Test
  void invalidQueryParametersAreNamed() {
    for (String[] query :
        new String[][] {
          {"status=done", "status"}, {"limit=0", "limit"}, {"limit=201", "limit"}, {"limit=ten", "limit"},
          {"limit=99999999999", "limit"}, {"offset=1", "offset"}, {"bogus=1", "bogus"}, {"tags=home", "tags"},
          {"status=open&status=all", "status"}, {"sort=title", "sort"}, {"priority=urgent", "priority"},
          {"dueAfter=tomorrow", "dueAfter"}, {"dueBefore=2030-01-05", "dueBefore"},
          {"dueAfter=2030-01-05T00:00:00Z&dueBefore=2030-01-01T00:00:00Z", "dueBefore"},
          {"cursor=bm90IGEgY3Vyc29y", "cursor"}, {"tag=", "tag"}
        }) {
      Api.Reply reply = Api.get(user, TASKS + "?" + query[0]);
      assertProblem(reply, 400);
      assertThat(reply.errorFields()).as(query[0]).containsExactly(query[1]);
    }
  }

  @Test
  void anIdOfNoTaskAnswers404() {
    // "1;drop" is id 1 with a matrix parameter, which JAX-RS sets aside: no task 1 of this user
    for (String id : new String[] {"999999999", "999999999999999999", "1;drop"}) {
      assertProblem(Api.get(user, TASKS + "/" + id), 404);
      assertProblem(Api.patch(user, TASKS + "/" + id, "{\"title\": \"x\"}"), 404);
      assertProblem(Api.delete(user, TASKS + "/" + id), 404);
      assertProblem(Api.post(user, TASKS + "/" + id + "/complete", null), 404);
    }
  }

  @Test
  void somethingThatIsNotAnIdAnswers400NamingIt() {
    for (String id : new String[] {"abc", "0", "-1", "1.5", "99999999999999999999999", "%20", "007"}) {
      for (Api.Reply reply : List.of(Api.get(user, TASKS + "/" + id),
          Api.patch(user, TASKS + "/" + id, "{\"title\": \"x\"}"), Api.delete(user, TASKS + "/" + id),
          Api.post(user, TASKS + "/" + id + "/complete", null))) {
        assertProblem(reply, 400);
        assertThat(reply.json().getString("type")).isEqualTo("urn:taskflow:problem:invalid-path");
        assertThat(reply.errorFields()).as(id).containsExactly("id");
      }
    }
  }

  @Test
  void pathTraversalInAnIdIsRefused() {
    for (String id : new String[] {"%2e%2e%2fetc", "..%2f..%2fetc%2fpasswd"}) {
      Api.Reply reply = Api.get(user, TASKS + "/" + id);
      assertThat(reply.status()).as(id + ": " + reply).isIn(400, 404);
      assertProblem(reply, reply.status());
    }
    // An encoded NUL is refused by Liberty's HTTP transport before any application code runs:
    // a plain 400 page, not problem+json, but never a 500 nor a stack trace.
    Api.Reply nul = Api.sendUnchecked(user, "GET", TASKS + "/%00");
    assertThat(nul.status()).isEqualTo(400);
    assertThat(nul.body()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void wrongContentTypeAnswers415() {
    assertProblem(Api.send(user, "POST", TASKS, "text/plain", "{\"title\": \"t\"}"), 415);
    assertProblem(Api.send(user, "POST", TASKS, "application/xml", "<task/>"), 415);
    JsonObject task = Api.createTask(user, "{\"title\": \"t\"}");
    assertProblem(
        Api.send(user, "PATCH", TASKS + "/" + task.getJsonNumber("id").longValue(), "text/plain", "{}"), 415);
  }

  @Test
  void wrongMethodAnswers405WithAllow() {
    Api.Reply reply = Api.send(user, "PUT", TASKS, "application/json", "{\"title\": \"t\"}");

    assertProblem(reply, 405);
    assertThat(reply.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET", "POST"));
    assertProblem(Api.delete(user, TASKS), 405);
  }

  @Test
  void aHugeBodyAnswers413() {
    String body = "{\"title\": \"t\", \"description\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";

    assertProblem(Api.post(user, TASKS, body), 413);
    assertThat(Api.get(user, TASKS + "?status=all").json().getInt("total")).isZero();
  }

  @Test
  void unknownPathsAnswerProblemJson() {
    assertProblem(Api.get(user, "/api/v1/nothing-here"), 404);
    assertProblem(Api.get(user, "/no/such/page"), 404);
  }

  static void assertProblem(Api.Reply reply, int status) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
    JsonObject problem = reply.json();
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("type")).isNotBlank();
    assertThat(reply.body()).doesNotContain("Exception", "\tat ", "java.");
  }

  private static String due(String rule) {
    return "{\"title\": \"t\", \"dueDate\": \"2026-12-01T09:00:00Z\", \"recurrenceRule\": " + rule + "}";
  }

  private static String tags(int n) {
    return String.join(",", Stream.iterate(0, i -> i + 1).limit(n).map(i -> "\"t" + i + "\"").toList());
  }
}
