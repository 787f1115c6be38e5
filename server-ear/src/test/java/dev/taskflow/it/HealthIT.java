package dev.taskflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** MicroProfile Health as API.md describes it, and the OpenAPI document. */
class HealthIT {

  @Test
  void readinessIsUpWithTheDatabaseAndReportsKafka() {
    Api.Reply reply = Api.send(null, "GET", "/health/ready", null, null);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    Map<String, JsonObject> checks =
        reply.json().getJsonArray("checks").stream()
            .map(v -> v.asJsonObject())
            .collect(Collectors.toMap(c -> c.getString("name"), c -> c));
    assertThat(checks.get("database").getString("status")).isEqualTo("UP");
    JsonObject kafka = checks.get("kafka");
    assertThat(kafka.getString("status")).isEqualTo("UP");
    assertThat(kafka.getJsonObject("data").getBoolean("reachable")).isTrue();
  }

  @Test
  void livenessAndStartupAreUp() {
    for (String path : new String[] {"/health/live", "/health/started", "/health"}) {
      Api.Reply reply = Api.send(null, "GET", path, null, null);
      assertThat(reply.status()).as(path + " " + reply).isEqualTo(200);
      assertThat(reply.json().getString("status")).isEqualTo("UP");
    }
  }

  @Test
  void openApiDocumentsTheTaskEndpoints() {
    Api.Reply reply = Api.send(null, "GET", "/openapi", null, null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).contains("/api/v1/tasks", "/api/v1/tasks/{id}", "/api/v1/tasks/{id}/complete", "bearer");
  }
}
