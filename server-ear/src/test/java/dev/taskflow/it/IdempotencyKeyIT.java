package dev.taskflow.it;

import static dev.taskflow.it.Api.TASKS;
import static dev.taskflow.it.TaskValidationIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * POST /api/v1/tasks with an Idempotency-Key: a client that lost the answer (a timeout, a
 * reset, a 503 outcome-unknown) repeats the request and gets the task the first one created,
 * never a second task or a second event.
 */
class IdempotencyKeyIT {

  private static final String BODY = "{\"title\": \"Renew the passport\", \"dueDate\": \"2026-12-20T09:00:00Z\"}";

  private static Api.Reply create(String user, String key, String body) {
    return Api.postWithHeaders(user, TASKS, body, Map.of("Idempotency-Key", key));
  }

  private static long createdEvents(String user) throws Exception {
    return SchemaIT.count("SELECT count(*) FROM outbox_event WHERE user_id = ? AND event_type = 'taskflow.task.created'",
        user);
  }

  @Test
  void aRepeatedRequestGetsTheSameTaskAndCreatesNothing() throws Exception {
    String user = Api.newUser("idem");
    String key = UUID.randomUUID().toString();

    Api.Reply first = create(user, key, BODY);
    Api.Reply again = create(user, key, "{ \"dueDate\": \"2026-12-20T10:00:00+01:00\",  \"title\": \"Renew the passport\" }");

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.header("Idempotent-Replayed")).isEmpty();
    assertThat(again.status()).as("the same task asked for in other words").isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).hasValue("true");
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(again.json().getJsonNumber("id")).isEqualTo(first.json().getJsonNumber("id"));
    assertThat(Api.get(user, TASKS + "?status=all").json().getInt("total")).isEqualTo(1);
    assertThat(createdEvents(user)).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherRequestIsRefused() {
    String user = Api.newUser("idem");
    String key = UUID.randomUUID().toString();
    create(user, key, BODY);

    Api.Reply other = create(user, key, "{\"title\": \"Something else\"}");

    assertProblem(other, 422);
    assertThat(other.errorFields()).containsExactly("Idempotency-Key");
    assertThat(Api.get(user, TASKS + "?status=all").json().getInt("total")).isEqualTo(1);
  }

  @Test
  void keysBelongToTheirUser() {
    String alice = Api.newUser("alice");
    String bob = Api.newUser("bob");
    String key = "shared-key-" + UUID.randomUUID();

    long alices = create(alice, key, BODY).json().getJsonNumber("id").longValue();
    Api.Reply bobs = create(bob, key, BODY);

    assertThat(bobs.status()).isEqualTo(201);
    assertThat(bobs.header("Idempotent-Replayed")).isEmpty();
    assertThat(bobs.json().getJsonNumber("id").longValue()).isNotEqualTo(alices);
  }

  @Test
  void aKeyWhoseTaskWasDeletedIsNotReused() {
    String user = Api.newUser("idem");
    String key = UUID.randomUUID().toString();
    long id = create(user, key, BODY).json().getJsonNumber("id").longValue();
    assertThat(Api.delete(user, TASKS + "/" + id).status()).isEqualTo(204);

    Api.Reply again = create(user, key, BODY);

    assertProblem(again, 409);
    assertThat(Api.get(user, TASKS + "?status=all").json().getInt("total")).isZero();
  }

  @Test
  void badKeysAreRefusedBeforeAnythingIsWritten() {
    String user = Api.newUser("idem");
    for (String bad : new String[] {"", "x".repeat(256), "two words"}) {
      Api.Reply reply = create(user, bad, BODY);
      assertProblem(reply, 400);
      assertThat(reply.errorFields()).as("'" + bad + "'").containsExactly("Idempotency-Key");
    }
    assertThat(Api.get(user, TASKS + "?status=all").json().getInt("total")).isZero();
  }

  @Test
  void eightConcurrentRepeatsCreateOneTask() throws Exception {
    String user = Api.newUser("idem");
    String key = UUID.randomUUID().toString();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<CompletableFuture<Api.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        replies.add(CompletableFuture.supplyAsync(() -> {
          try {
            start.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return create(user, key, BODY);
        }, pool));
      }
      start.countDown();
      List<Api.Reply> all = replies.stream().map(CompletableFuture::join).toList();

      assertThat(all).allMatch(r -> r.status() == 201);
      assertThat(all.stream().map(r -> r.json().getJsonNumber("id").longValue()).distinct()).hasSize(1);
      assertThat(all.stream().filter(r -> r.header("Idempotent-Replayed").isEmpty())).hasSize(1);
      assertThat(Api.get(user, TASKS + "?status=all").json().getInt("total")).isEqualTo(1);
      assertThat(createdEvents(user)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
