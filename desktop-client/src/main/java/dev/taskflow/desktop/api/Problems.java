package dev.taskflow.desktop.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Reads an RFC 9457 problem+json answer into an {@link ApiException}; copes with non-JSON bodies. */
final class Problems {

  private Problems() {}

  static ApiException from(int status, String body) {
    JsonObject problem = parse(body);
    String title = problem.getString("title", defaultTitle(status));
    String detail = problem.getString("detail", null);
    List<ApiException.FieldError> errors = new ArrayList<>();
    if (problem.get("errors") instanceof jakarta.json.JsonArray array) {
      for (JsonValue value : array) {
        if (value instanceof JsonObject error) {
          errors.add(new ApiException.FieldError(error.getString("field", ""), error.getString("message", "")));
        }
      }
    }
    return new ApiException(status, title, detail, errors);
  }

  private static JsonObject parse(String body) {
    if (body == null || body.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException | ClassCastException e) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
  }

  private static String defaultTitle(int status) {
    return switch (status) {
      case 401 -> "Not signed in: the token is missing, invalid or expired";
      case 404 -> "Not found";
      case 503 -> "The server cannot serve right now";
      default -> "Request failed (HTTP " + status + ")";
    };
  }
}
