package dev.taskflow.it;

import static dev.taskflow.it.Api.TASKS;
import static dev.taskflow.it.TaskValidationIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * What a client gets wrong is named, never silently dropped (docs/API.md, "Errors"): a mistyped
 * field, a key given twice, an unknown query parameter; and the two ways of being unauthenticated
 * answer alike, with an RFC 6750 challenge.
 */
class StrictInputIT {

  private final String user = Api.newUser("strict");

  @Test
  void aMistypedFieldIsRefusedByNameAndNothingIsWritten() {
    Api.Reply reply = Api.post(user, TASKS, "{\"title\": \"Dentist\", \"dueDat\": \"2030-01-05T09:00:00Z\"}");

    assertProblem(reply, 400);
    assertThat(reply.json().getString("type")).isEqualTo("urn:taskflow:problem:invalid-task");
    assertThat(reply.errorFields()).containsExactly("dueDat");
    assertThat(reply.json().getString("detail")).isEqualTo("dueDat is not a field of a task");
    assertThat(Api.get(user, TASKS + "?status=all").json().getInt("total")).isZero();
  }

  @Test
  void aMistypedFieldInAPatchIsRefusedAndTheTaskIsUnchanged() {
    JsonObject task = Api.createTask(user, "{\"title\": \"Dentist\", \"dueDate\": \"2030-01-05T09:00:00Z\"}");
    String path = TASKS + "/" + task.getJsonNumber("id").longValue();

    Api.Reply reply = Api.patch(user, path, "{\"titel\": \"Doctor\", \"createdAt\": \"2020-01-01T00:00:00Z\"}");

    assertProblem(reply, 400);
    assertThat(reply.errorFields()).containsExactly("createdAt", "titel");
    assertThat(Api.get(user, path).json()).isEqualTo(task);
  }

  @Test
  void aKeyGivenTwiceIsRefused() {
    Api.Reply reply = Api.post(user, TASKS, "{\"title\": \"one\", \"title\": \"two\"}");

    assertProblem(reply, 400);
    assertThat(reply.json().getString("type")).isEqualTo("urn:taskflow:problem:malformed-request");
    assertThat(reply.errorFields()).containsExactly("title");
    Api.Reply nested = Api.post(user, "/api/v1/recurrence/preview",
        "{\"rule\": \"FREQ=DAILY\", \"start\": \"2030-01-05T09:00:00\", \"count\": 2, \"count\": 3}");
    assertProblem(nested, 400);
    assertThat(nested.errorFields()).containsExactly("count");
  }

  @Test
  void anUnknownQueryParameterIsRefusedEverywhere() {
    JsonObject task = Api.createTask(user, "{\"title\": \"Dentist\"}");
    String path = TASKS + "/" + task.getJsonNumber("id").longValue();
    for (Api.Reply reply : new Api.Reply[] {
      Api.get(user, TASKS + "?bogus=1"),
      Api.get(user, TASKS + "/search?q=x&bogus=1"),
      Api.get(user, path + "?bogus=1"),
      Api.patch(user, path + "?bogus=1", "{\"title\": \"x\"}"),
      Api.post(user, TASKS + "?bogus=1", "{\"title\": \"x\"}"),
      Api.post(user, path + "/complete?bogus=1", null),
      Api.delete(user, path + "?bogus=1"),
    }) {
      assertProblem(reply, 400);
      assertThat(reply.json().getString("type")).isEqualTo("urn:taskflow:problem:invalid-query");
      assertThat(reply.errorFields()).containsExactly("bogus");
    }
    assertThat(Api.get(user, path).json()).as("nothing changed").isEqualTo(task);
    assertThat(Api.get(user, TASKS).json().getInt("total")).as("nothing created").isEqualTo(1);
  }

  @Test
  void unauthenticatedAnswersAreAlikeAndCarryABearerChallenge() {
    Api.Reply anonymous = Api.send(null, "GET", TASKS, null, null);
    Api.Reply refused = Api.sendWithToken("not.a.token", "GET", TASKS, null, null);

    assertProblem(anonymous, 401);
    assertProblem(refused, 401);
    assertThat(anonymous.json().getString("type")).isEqualTo("urn:taskflow:problem:unauthenticated");
    assertThat(refused.json().getString("type")).isEqualTo("urn:taskflow:problem:unauthenticated");
    assertThat(anonymous.header("WWW-Authenticate")).hasValue("Bearer realm=\"taskflow\"");
    assertThat(refused.header("WWW-Authenticate")).hasValue("Bearer realm=\"taskflow\", error=\"invalid_token\"");
  }
}
