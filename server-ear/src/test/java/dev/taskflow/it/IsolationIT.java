package dev.taskflow.it;

import static dev.taskflow.it.Api.TASKS;
import static dev.taskflow.it.TaskValidationIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A user never sees, changes or hears about another user's tasks: 404, exactly as if missing. */
class IsolationIT {

  private final String alice = Api.newUser("alice");
  private final String bob = Api.newUser("bob");

  @Test
  void anotherUsersTaskAnswers404AtEveryEndpointAndStaysUnchanged() {
    JsonObject task = Api.createTask(alice, "{\"title\": \"Alice's secret\", \"dueDate\": \"2026-12-01T09:00:00Z\"}");
    String path = TASKS + "/" + task.getJsonNumber("id").longValue();
    Api.Reply missing = Api.get(bob, TASKS + "/999999999");

    Api.Reply get = Api.get(bob, path);
    assertProblem(get, 404);
    assertThat(get.json().getString("title")).isEqualTo(missing.json().getString("title"));
    assertProblem(Api.patch(bob, path, "{\"title\": \"Bob was here\"}"), 404);
    assertProblem(Api.patch(bob, path, "{\"title\": 5}"), 404);
    assertProblem(Api.post(bob, path + "/complete", null), 404);
    assertProblem(Api.delete(bob, path), 404);

    assertThat(Api.get(alice, path).json()).isEqualTo(task);
  }

  @Test
  void listsShowOnlyTheCallersTasks() {
    Api.createTask(alice, "{\"title\": \"mine\"}");
    Api.createTask(bob, "{\"title\": \"bob's\"}");

    Api.Reply list = Api.get(bob, TASKS + "?status=all");

    assertThat(list.json().getInt("total")).isEqualTo(1);
    assertThat(list.items().getJsonObject(0).getString("title")).isEqualTo("bob's");
  }

  @Test
  void aUserIdInTheBodyIsRefusedAndPlantsNothing() {
    Api.Reply reply = Api.post(bob, TASKS, "{\"title\": \"planted\", \"userId\": \"" + alice + "\", \"user_id\": \"" + alice + "\"}");

    assertProblem(reply, 400);
    assertThat(reply.errorFields()).containsExactly("userId", "user_id");
    assertThat(Api.get(alice, TASKS + "?status=all").json().getInt("total")).isZero();
    assertThat(Api.get(bob, TASKS + "?status=all").json().getInt("total")).isZero();
  }
}
