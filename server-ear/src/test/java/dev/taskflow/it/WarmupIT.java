package dev.taskflow.it;

import static dev.taskflow.it.Api.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Ready means warm: a started server warms up on its own API before it reports ready, answers
 * 503 meanwhile, and leaves no trace of it (no row, no event); its synthetic users cannot be
 * signed in as.
 */
class WarmupIT {

  private static final String PREFIX = "taskflow:warmup:";

  @Test
  void readinessSaysHowTheWarmupWentAndItLeftNoTrace() throws Exception {
    JsonObject warmup = check("warmup");
    assertThat(warmup.getString("status")).isEqualTo("UP");
    JsonObject data = warmup.getJsonObject("data");
    assertThat(data.getString("phase")).isEqualTo("done");
    assertThat(data.getJsonNumber("requests").longValue()).as("requests it sent itself").isGreaterThan(100);
    assertThat(data.getJsonNumber("tookMs").longValue()).isPositive();
    assertNoTrace();
  }

  @Test
  void noTokenSignsInAsAWarmupUserAndTheWarmupHeaderOpensNothing() {
    String reserved = PREFIX + "00000000-0000-0000-0000-000000000000";
    Api.Reply asReserved = Api.get(reserved, TASKS);
    assertThat(asReserved.status()).as(asReserved.toString()).isEqualTo(401);

    Api.Reply anonymous = Api.sendTo(Api.BASE_URL, null, "GET", TASKS, null, null, Map.of("Taskflow-Warmup", "0".repeat(64)));
    assertThat(anonymous.status()).as("a guessed warm-up secret without a token").isEqualTo(401);

    String user = Api.newUser("warmup-header");
    Api.createTask(user, "{\"title\": \"mine\"}");
    Api.Reply mine = Api.sendTo(Api.BASE_URL, Api.token(user), "GET", TASKS, null, null,
        Map.of("Taskflow-Warmup", "0".repeat(64)));
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.json().getInt("total")).as("the caller's own tasks, nothing else").isEqualTo(1);
  }

  /**
   * After a crash the server comes back; until it is warm every API answer is a quick 503
   * problem+json of type starting with Retry-After (never a slow success), and readiness says it
   * is warming up; then it serves.
   */
  @Test
  void aRestartedServerAnswers503WhileItWarmsUpThenServes() throws Exception {
    String user = Api.newUser("warmup-restart");
    Stack.killLiberty();
    Stack.startLibertyNoWait();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    Map<String, Integer> answers = new TreeMap<>();
    boolean sawWarming = false;
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (true) {
      assertThat(System.nanoTime()).as("the server became ready in time").isLessThan(deadline);
      HttpResponse<String> response;
      try {
        response = http.send(HttpRequest.newBuilder(java.net.URI.create(Api.BASE_URL + TASKS))
            .header("Authorization", "Bearer " + Api.token(user)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException e) {
        answers.merge("no connection", 1, Integer::sum);
        Thread.sleep(200);
        continue;
      }
      if (response.statusCode() == 200) {
        break;
      }
      answers.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
      if (response.statusCode() == 503 && response.body().contains("urn:taskflow:problem:starting")) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        JsonObject warmup = check("warmup");
        if (warmup.getString("status").equals("DOWN")) {
          assertThat(warmup.getJsonObject("data").getString("phase")).isIn("waiting-for-database", "warming");
          sawWarming = true;
        }
      }
      Thread.sleep(200);
    }
    assertThat(answers.keySet()).as("answers before ready: %s", answers).isSubsetOf("no connection", "503", "404");
    assertThat(answers.getOrDefault("503", 0)).as("answers before ready: %s", answers).isPositive();
    assertThat(sawWarming).as("readiness reported the warm-up").isTrue();
    Stack.awaitReady();
    String log = Files.readString(Stack.messagesLog("taskflow"));
    assertThat(log).contains("Warm-up done in");
    assertNoTrace();
  }

  private static void assertNoTrace() throws Exception {
    for (String table : List.of("tasks", "outbox_event", "idempotency_key", "search_terms")) {
      assertThat(SchemaIT.count("SELECT count(*) FROM " + table + " WHERE user_id LIKE ?", PREFIX + "%"))
          .as("rows of warm-up users in " + table).isZero();
    }
    EventLog.awaitOutboxDrained(Duration.ofSeconds(60));
    assertThat(EventLog.read(List.of("task-events", "task-recurrence", "task-reminders"),
        e -> e.userId().startsWith(PREFIX))).as("events of warm-up users on Kafka").isEmpty();
  }

  private static JsonObject check(String name) {
    return Api.send(null, "GET", "/health/ready", null, null).json().getJsonArray("checks").stream()
        .map(v -> v.asJsonObject())
        .filter(c -> c.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " check"));
  }
}
