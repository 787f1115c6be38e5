package dev.taskflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped under the running server: every endpoint answers 503 problem+json within 2 s
 * (nothing hangs), readiness says DOWN, and once the database is back the API serves again within
 * 5 s and the reminder timer and the recurrence consumer carry on, without anyone touching the server.
 */
class DatabaseOutageIT {

  @Test
  void withoutPostgresTheApiAnswers503FastAndRecoversByItself() throws Exception {
    String user = Api.newUser("dbdown");
    long id = Api.createTask(user, "{\"title\":\"before the outage\"}").getJsonNumber("id").longValue();
    List<Api.Reply> replies = new java.util.ArrayList<>();
    List<Long> millis = new java.util.ArrayList<>();
    Instant back;
    try {
      Stack.stopDatabase();
      for (int round = 0; round < 3; round++) {
        for (String[] call : new String[][] {{"GET", Api.TASKS}, {"GET", Api.TASKS + "/" + id},
            {"GET", Api.TASKS + "/search?q=outage"}, {"POST", Api.TASKS}, {"POST", Api.TASKS + "/" + id + "/complete"}}) {
          long started = System.nanoTime();
          Api.Reply reply = call[0].equals("GET") ? Api.get(user, call[1])
              : Api.post(user, call[1], "{\"title\":\"during the outage\"}");
          millis.add((System.nanoTime() - started) / 1_000_000);
          replies.add(reply);
        }
      }
      assertThat(Api.get(user, "/health/ready").status()).isEqualTo(503);
    } finally {
      Stack.startDatabase();
      back = Instant.now();
    }
    assertThat(replies).allSatisfy(reply -> {
      assertThat(reply.status()).isEqualTo(503);
      assertThat(reply.header("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(reply.body()).doesNotContain("Exception").doesNotContain("SQL");
    });
    assertThat(millis).allSatisfy(ms -> assertThat(ms).isLessThan(2_000));

    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
        .until(() -> Api.get(user, Api.TASKS).status() == 200);
    System.out.printf("DatabaseOutageIT: 503 in %d ms at most; serving again %d ms after PostgreSQL was back%n",
        millis.stream().mapToLong(Long::longValue).max().orElse(0), Duration.between(back, Instant.now()).toMillis());
    assertThat(Api.get(user, Api.TASKS + "/" + id).json().getString("title")).isEqualTo("before the outage");
    assertThat(Api.get(user, Api.TASKS).json().getInt("total")).isEqualTo(1);

    // The timers and consumers carry on: a reminder is sent, a completed recurring task gets its successor.
    long reminded = Api.createTask(user, "{\"title\":\"after the outage\",\"dueDate\":\""
        + Instant.now().plus(Duration.ofMinutes(30)) + "\"}").getJsonNumber("id").longValue();
    long recurring = Api.createTask(user, "{\"title\":\"daily after the outage\",\"recurrenceRule\":\"FREQ=DAILY\","
        + "\"dueDate\":\"" + Instant.now().plus(Duration.ofHours(2)) + "\"}").getJsonNumber("id").longValue();
    assertThat(Api.post(user, Api.TASKS + "/" + recurring + "/complete", "").status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(() -> Api.get(user, Api.TASKS + "/" + reminded).json()
        .getBoolean("reminderSent"));
    await().atMost(Duration.ofSeconds(30)).until(() -> Api.get(user, Api.TASKS + "?status=open").json()
        .getJsonArray("items").stream().anyMatch(t -> t.asJsonObject().getString("title").equals("daily after the outage")
            && t.asJsonObject().getJsonNumber("id").longValue() != recurring));
  }
}
