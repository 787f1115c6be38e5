package dev.taskflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The document the server serves at /openapi is the contract (docs/API.md): OpenAPI 3.1, every
 * operation, the model as components. It is saved for {@code ./taskflow test} to lint with
 * Redocly CLI; every other IT's answers are validated against it ({@link Api#contract()}).
 */
class ServedContractIT {

  static final Path SAVED = Path.of("target", "openapi-served.json");

  @Test
  void theServedDocumentIsTheTypedContract() throws Exception {
    HttpResponse<String> served = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/openapi")).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(served.statusCode()).isEqualTo(200);
    JsonObject document = Json.createReader(new StringReader(served.body())).readObject();
    Files.createDirectories(SAVED.getParent());
    Files.writeString(SAVED, served.body(), StandardCharsets.UTF_8);

    assertThat(document.getString("openapi")).startsWith("3.1.");
    JsonObject paths = document.getJsonObject("paths");
    assertThat(paths.keySet()).containsExactlyInAnyOrder("/api/v1/tasks", "/api/v1/tasks/search", "/api/v1/tasks/{id}",
        "/api/v1/tasks/{id}/complete", "/api/v1/recurrence/preview", "/api/v1/events/stream",
        "/api/v1/reminders/stream");
    List<String> operationIds = paths.values().stream()
        .flatMap(path -> path.asJsonObject().values().stream())
        .filter(op -> op.getValueType() == jakarta.json.JsonValue.ValueType.OBJECT && op.asJsonObject().containsKey("operationId"))
        .map(op -> op.asJsonObject().getString("operationId"))
        .toList();
    assertThat(operationIds).containsExactlyInAnyOrder("createTask", "listTasks", "searchTasks", "getTask", "patchTask",
        "deleteTask", "completeTask", "previewRecurrence", "streamEvents", "streamReminders");
    assertThat(document.getJsonObject("components").getJsonObject("schemas").keySet())
        .contains("Task", "TaskInput", "TaskPatch", "TaskPage", "SearchResult", "RecurrencePreview", "Problem", "FieldError",
            "CloudEvent");
    JsonObject create = paths.getJsonObject("/api/v1/tasks").getJsonObject("post").getJsonObject("responses");
    assertThat(create.keySet()).contains("201", "400", "401", "413", "415", "429", "503").doesNotContain("200");
  }
}
