package dev.taskflow.desktop.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The desktop's wire model against the API's contract (web-api's META-INF/openapi.yaml, the
 * document the server serves): what it sends validates as a TaskInput, its field rules are the
 * schema's, and it reads the documented Task.
 */
class WireContractTest {

  private static final Path DOCUMENT = Path.of("..", "web-api", "src", "main", "resources", "META-INF", "openapi.yaml");
  private static final String IRI = "https://contract.taskflow.invalid/openapi.json";
  private static final JsonNode OPENAPI = new YAMLMapper().readTree(DOCUMENT.toFile());
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
      builder -> builder.schemas(Map.of(IRI, JsonMapper.shared().writeValueAsString(OPENAPI)))
          .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private static List<String> violations(String schema, JsonObject json) {
    Schema compiled = REGISTRY.getSchema(SchemaLocation.of(IRI + "#/components/schemas/" + schema));
    return compiled.validate(JsonMapper.shared().readTree(json.toString())).stream()
        .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
  }

  private static JsonNode property(String schema, String name) {
    return OPENAPI.path("components").path("schemas").path(schema).path("properties").path(name);
  }

  @Test
  void theEditorsFieldRulesAreTheContracts() {
    assertThat(property("TaskInput", "title").path("maxLength").asInt()).isEqualTo(TaskRules.MAX_TITLE);
    assertThat(property("TaskInput", "description").path("maxLength").asInt()).isEqualTo(TaskRules.MAX_DESCRIPTION);
    assertThat(property("TaskInput", "category").path("maxLength").asInt()).isEqualTo(TaskRules.MAX_CATEGORY);
    assertThat(property("TaskInput", "tags").path("maxItems").asInt()).isEqualTo(TaskRules.MAX_TAGS);
    assertThat(property("TaskInput", "tags").path("items").path("maxLength").asInt()).isEqualTo(TaskRules.MAX_TAG);
    assertThat(property("TaskInput", "remindBeforeMinutes").path("maximum").asInt())
        .isEqualTo(TaskRules.MAX_REMIND_MINUTES);
  }

  @Test
  void whatTheDesktopSendsIsATaskInput() {
    String longest = "\uD83C\uDF31".repeat(TaskRules.MAX_TITLE); // 200 characters, 400 UTF-16 units
    TaskDraft full = new TaskDraft(longest, "line one\nline two", Priority.HIGH, "home", List.of("garden", "weekly"),
        Instant.parse("2030-01-05T08:00:00Z"), "Europe/Berlin", "FREQ=WEEKLY;BYDAY=SA", RepeatFrom.COMPLETION,
        TaskRules.MAX_REMIND_MINUTES);
    TaskDraft minimal = new TaskDraft("Call mum", null, Priority.MEDIUM, null, List.of(), null, "UTC", null,
        RepeatFrom.DUE, 0);

    assertThat(TaskRules.length(longest)).isEqualTo(TaskRules.MAX_TITLE);
    assertThat(violations("TaskInput", TaskJson.draft(full))).isEmpty();
    assertThat(violations("TaskInput", TaskJson.draft(minimal))).isEmpty();
    assertThat(violations("TaskPatch", TaskJson.draft(full))).as("a whole draft as a merge patch").isEmpty();
  }

  @Test
  void theDesktopReadsTheDocumentedTask() {
    JsonNode example = OPENAPI.path("components").path("examples").path("TaskCreated").path("value");
    JsonObject json = Json.createReader(new StringReader(example.toString())).readObject();
    assertThat(violations("Task", json)).as("the example is a Task").isEmpty();

    Task task = TaskJson.task(json);

    assertThat(task.id()).isEqualTo(json.getJsonNumber("id").longValue());
    assertThat(task.title()).isEqualTo(json.getString("title"));
    assertThat(task.dueDate()).isEqualTo(Instant.parse(json.getString("dueDate")));
    assertThat(task.seriesId()).isEqualTo(json.getJsonNumber("seriesId").longValue());
    assertThat(task.tags()).containsExactly("garden", "weekly");
  }
}
