package dev.taskflow.it;

import static dev.taskflow.it.Api.TASKS;
import static dev.taskflow.it.TaskValidationIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Due dates as people write them (docs/API.md, "Due dates"): a local time in the task's zone, a
 * timestamp whose offset agrees with the zone, or UTC; in words what is wrong otherwise.
 */
class DueDatesIT {

  private final String user = Api.newUser("dates");

  private String due(String dueDate, String timeZone) {
    String body = "{\"title\": \"Call the bank\", \"dueDate\": \"" + dueDate + "\""
        + (timeZone == null ? "" : ", \"timeZone\": \"" + timeZone + "\"") + "}";
    return Api.createTask(user, body).getString("dueDate");
  }

  @Test
  void aLocalTimeIsReadInTheTasksZone() {
    assertThat(due("2030-01-05T09:00:00", "Europe/Berlin")).isEqualTo("2030-01-05T08:00:00Z");
    assertThat(due("2030-07-05T09:00", "America/New_York")).isEqualTo("2030-07-05T13:00:00Z");
    assertThat(due("2030-01-05T09:00:00", null)).as("no zone: UTC").isEqualTo("2030-01-05T09:00:00Z");
  }

  @Test
  void aTimeInTheSpringGapMovesForwardAndAnAmbiguousOneTakesTheEarlierOffset() {
    // Berlin: 2030-03-31 02:00 -> 03:00; 2030-10-27 03:00 -> 02:00
    assertThat(due("2030-03-31T02:30:00", "Europe/Berlin")).isEqualTo("2030-03-31T01:30:00Z");
    assertThat(due("2030-10-27T02:30:00", "Europe/Berlin")).isEqualTo("2030-10-27T00:30:00Z");
  }

  @Test
  void anOffsetThatAgreesWithTheZoneOrUtcIsAccepted() {
    assertThat(due("2030-01-05T09:00:00+01:00", "Europe/Berlin")).isEqualTo("2030-01-05T08:00:00Z");
    assertThat(due("2030-01-05T08:00:00Z", "America/New_York")).isEqualTo("2030-01-05T08:00:00Z");
  }

  @Test
  void anOffsetThatContradictsTheZoneIsRefusedSayingSo() {
    Api.Reply reply = Api.post(user, TASKS,
        "{\"title\": \"Standup\", \"dueDate\": \"2030-01-05T09:00:00+01:00\", \"timeZone\": \"America/New_York\","
            + " \"recurrenceRule\": \"FREQ=DAILY\"}");

    assertProblem(reply, 400);
    assertThat(reply.errorFields()).containsExactly("dueDate");
    assertThat(reply.json().getString("detail")).contains("+01:00", "America/New_York", "-05:00");
  }

  @Test
  void anImpossibleDateIsCalledThat() {
    Api.Reply reply = Api.post(user, TASKS, "{\"title\": \"t\", \"dueDate\": \"2026-02-30T09:00:00Z\"}");

    assertProblem(reply, 400);
    assertThat(reply.json().getString("detail")).contains("2026-02-30", "does not exist", "February 2026 has 28 days");
  }

  @Test
  void aPatchReadsALocalTimeInTheTasksZone() {
    long id = Api.createTask(user, "{\"title\": \"t\", \"timeZone\": \"Asia/Tokyo\"}").getJsonNumber("id").longValue();

    Api.Reply reply = Api.patch(user, TASKS + "/" + id, "{\"dueDate\": \"2030-01-05T09:00:00\"}");

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().getString("dueDate")).isEqualTo("2030-01-05T00:00:00Z");
  }

  @Test
  void thePreviewTakesTheSameForms() {
    for (String start : new String[] {"2030-01-05T09:00:00", "2030-01-05T09:00:00+01:00", "2030-01-05T08:00:00Z"}) {
      Api.Reply reply = Api.post(user, "/api/v1/recurrence/preview",
          "{\"rule\": \"FREQ=DAILY\", \"start\": \"" + start + "\", \"timeZone\": \"Europe/Berlin\", \"count\": 2}");
      assertThat(reply.status()).as(start + " " + reply).isEqualTo(200);
      assertThat(reply.json().getJsonArray("occurrences").getString(0)).as(start).isEqualTo("2030-01-05T09:00:00+01:00");
    }
  }

  @Test
  void anAllDayTaskIsDueOnItsDayInItsZone() {
    long id = Api.createTask(user, "{\"title\": \"Passport\", \"dueDate\": \"2030-01-05\", \"timeZone\": \"Europe/Berlin\"}")
        .getJsonNumber("id").longValue();
    String path = TASKS + "/" + id;
    assertThat(Api.get(user, path).json().getString("dueDate")).isEqualTo("2030-01-05");

    // it is due from the start of the day in Berlin: 2030-01-04T23:00:00Z
    String justAfter = java.net.URLEncoder.encode("2030-01-05T00:00:01+01:00", java.nio.charset.StandardCharsets.UTF_8);
    assertThat(Api.get(user, TASKS + "?dueAfter=2030-01-04T23:00:00Z&dueBefore=" + justAfter).items()).hasSize(1);
    assertThat(Api.get(user, TASKS + "?dueAfter=2030-01-04T23:00:01Z").items()).isEmpty();

    Api.Reply moved = Api.patch(user, path, "{\"timeZone\": \"Asia/Tokyo\"}");
    assertThat(moved.json().getString("dueDate")).as("a new zone keeps the day").isEqualTo("2030-01-05");
    assertThat(Api.get(user, TASKS + "?dueAfter=2030-01-04T15:00:00Z&dueBefore=2030-01-04T15:00:01Z").items())
        .as("now from the start of the day in Tokyo").hasSize(1);

    Api.Reply timed = Api.patch(user, path, "{\"dueDate\": \"2030-01-05T10:00:00\"}");
    assertThat(timed.json().getString("dueDate")).as("a time of day ends all-day").isEqualTo("2030-01-05T01:00:00Z");
  }

  @Test
  void anAllDaySeriesCannotRepeatWithinADay() {
    Api.Reply reply = Api.post(user, TASKS,
        "{\"title\": \"t\", \"dueDate\": \"2030-01-05\", \"recurrenceRule\": \"FREQ=DAILY;BYHOUR=9\"}");

    assertProblem(reply, 400);
    assertThat(reply.errorFields()).containsExactly("recurrenceRule");
    assertThat(Api.post(user, TASKS, "{\"title\": \"t\", \"dueDate\": \"2030-02-29\"}").json().getString("detail"))
        .contains("does not exist", "February 2030 has 28 days");
  }

  @Test
  void thePreviewOfAnAllDaySeriesAnswersDays() {
    Api.Reply reply = Api.post(user, "/api/v1/recurrence/preview",
        "{\"rule\": \"FREQ=MONTHLY;BYDAY=-1FR\", \"start\": \"2030-01-01\", \"timeZone\": \"Europe/Berlin\", \"count\": 3}");

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().getJsonArray("occurrences").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactly("2030-01-25", "2030-02-22", "2030-03-29");
  }
}
