package dev.taskflow.desktop.live;

import dev.taskflow.desktop.task.Task;
import dev.taskflow.desktop.task.TaskJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Optional;

/**
 * Reads CloudEvents (docs/EVENTS.md) into what the UI needs, keeping only the given user's: the
 * topics carry every user's events, and nobody may see another user's reminders.
 */
public final class EventParser {

  private final String userId;

  public EventParser(String userId) {
    this.userId = userId;
  }

  /** The reminder, or empty for another user's, another type, or a malformed record. */
  public Optional<Reminder> reminder(String value) {
    return safely(() -> ownEvent(value)
        .filter(event -> "taskflow.reminder.sent".equals(event.getString("type", "")))
        .flatMap(event -> {
          JsonObject data = event.getJsonObject("data");
          return Optional.of(new Reminder(event.getString("id"), TaskJson.task(data.getJsonObject("task")),
              data.getInt("minutesUntilDue", 0)));
        }));
  }

  public Optional<TaskChange> taskChange(String value) {
    return safely(() -> ownEvent(value).flatMap(event -> {
      TaskChange.Kind kind = switch (event.getString("type", "")) {
        case "taskflow.task.created" -> TaskChange.Kind.CREATED;
        case "taskflow.task.updated" -> TaskChange.Kind.UPDATED;
        case "taskflow.task.completed" -> TaskChange.Kind.COMPLETED;
        case "taskflow.task.deleted" -> TaskChange.Kind.DELETED;
        default -> null;
      };
      if (kind == null) {
        return Optional.empty();
      }
      Task task = TaskJson.task(event.getJsonObject("data").getJsonObject("task"));
      return Optional.of(new TaskChange(event.getString("id"), kind, task));
    }));
  }

  private static <T> Optional<T> safely(java.util.function.Supplier<Optional<T>> parse) {
    try {
      return parse.get();
    } catch (RuntimeException e) {
      // Malformed or unexpected: a consumer skips what it cannot read rather than stall.
      return Optional.empty();
    }
  }

  private Optional<JsonObject> ownEvent(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try (JsonReader reader = Json.createReader(new StringReader(value))) {
      JsonObject event = reader.readObject();
      JsonObject data = event.getJsonObject("data");
      if (data == null || !userId.equals(data.getString("userId", null)) || data.getJsonObject("task") == null
          || event.getString("id", null) == null) {
        return Optional.empty();
      }
      return Optional.of(event);
    }
  }
}
