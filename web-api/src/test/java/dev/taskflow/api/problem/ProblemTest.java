package dev.taskflow.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskflow.task.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

  private static JsonObject json(Problem problem) {
    try (var reader = Json.createReader(new StringReader(problem.toJson()))) {
      return reader.readObject();
    }
  }

  @Test
  void invalidInputNamesEachField() {
    JsonObject json =
        json(Problem.invalid("urn:x", "Invalid task", List.of(new FieldError("title", "is required"), new FieldError("tags[1]", "duplicates"))));

    assertThat(json.getString("type")).isEqualTo("urn:x");
    assertThat(json.getInt("status")).isEqualTo(400);
    assertThat(json.getString("detail")).contains("2 fields");
    assertThat(json.getJsonArray("errors")).hasSize(2);
    assertThat(json.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("title");
  }

  @Test
  void aSingleErrorIsTheDetail() {
    JsonObject json = json(Problem.invalid("urn:x", "Invalid task", List.of(new FieldError("title", "is required"))));

    assertThat(json.getString("detail")).isEqualTo("title is required");
  }

  @Test
  void quotesAndControlCharactersAreEscaped() {
    Problem problem = new Problem("about:blank", "Bad \"quote\"", 400, "line\nbreak \u0000", List.of());

    assertThat(json(problem).getString("title")).isEqualTo("Bad \"quote\"");
    assertThat(json(problem).getString("detail")).isEqualTo("line\nbreak \u0000");
  }
}
