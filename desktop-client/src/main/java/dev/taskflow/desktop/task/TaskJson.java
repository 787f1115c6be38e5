package dev.taskflow.desktop.task;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Tasks to and from the API's JSON. Tolerant of unknown fields, as API.md asks of clients. */
public final class TaskJson {

  private TaskJson() {}

  public static Task task(JsonObject json) {
    String due = text(json, "dueDate");
    boolean allDay = due != null && due.length() == 10; // a date alone: 2030-01-05
    String zone = json.getString("timeZone", "UTC");
    return new Task(
        json.getJsonNumber("id").longValue(),
        json.getString("title", ""),
        text(json, "description"),
        Priority.fromWire(text(json, "priority")),
        text(json, "category"),
        strings(json, "tags"),
        allDay ? java.time.LocalDate.parse(due).atStartOfDay(zone(zone)).toInstant() : instant(json, "dueDate"),
        zone,
        text(json, "recurrenceRule"),
        RepeatFrom.fromWire(text(json, "repeatFrom")),
        json.containsKey("remindBeforeMinutes") ? json.getInt("remindBeforeMinutes") : 60,
        json.getBoolean("completed", false),
        instant(json, "completedAt"),
        json.getBoolean("reminderSent", false),
        number(json, "seriesId"),
        instant(json, "createdAt"),
        instant(json, "updatedAt"),
        json.get("rank") instanceof JsonNumber rank ? rank.doubleValue() : null,
        allDay);
  }

  /** The zone id, or UTC when this client's Java does not know it. */
  static java.time.ZoneId zone(String id) {
    try {
      return java.time.ZoneId.of(id == null ? "UTC" : id);
    } catch (java.time.DateTimeException e) {
      return java.time.ZoneOffset.UTC;
    }
  }

  public static List<Task> items(JsonObject page) {
    List<Task> tasks = new ArrayList<>();
    for (JsonValue item : page.getJsonArray("items")) {
      tasks.add(task(item.asJsonObject()));
    }
    return tasks;
  }

  /** The full representation of a draft: used for POST and, as a merge patch, for PATCH. */
  public static JsonObject draft(TaskDraft draft) {
    JsonArrayBuilder tags = Json.createArrayBuilder();
    draft.tags().forEach(tags::add);
    JsonObjectBuilder json = Json.createObjectBuilder()
        .add("title", draft.title())
        .add("priority", draft.priority().wire())
        .add("tags", tags)
        .add("timeZone", draft.timeZone())
        .add("repeatFrom", draft.repeatFrom().wire())
        .add("remindBeforeMinutes", draft.remindBeforeMinutes());
    nullable(json, "description", draft.description());
    nullable(json, "category", draft.category());
    nullable(json, "dueDate", draft.dueDate() == null ? null
        : draft.allDay() ? java.time.LocalDate.ofInstant(draft.dueDate(), zone(draft.timeZone())).toString()
        : draft.dueDate().toString());
    nullable(json, "recurrenceRule", draft.recurrenceRule());
    return json.build();
  }

  static Instant instant(JsonObject json, String field) {
    String value = text(json, field);
    return value == null ? null : OffsetDateTime.parse(value).toInstant();
  }

  private static String text(JsonObject json, String field) {
    return json.get(field) instanceof JsonString s ? s.getString() : null;
  }

  private static Long number(JsonObject json, String field) {
    return json.get(field) instanceof JsonNumber n ? n.longValue() : null;
  }

  private static List<String> strings(JsonObject json, String field) {
    List<String> values = new ArrayList<>();
    if (json.get(field) instanceof jakarta.json.JsonArray array) {
      for (JsonValue value : array) {
        if (value instanceof JsonString s) {
          values.add(s.getString());
        }
      }
    }
    return values;
  }

  private static void nullable(JsonObjectBuilder json, String field, String value) {
    if (value == null) {
      json.addNull(field);
    } else {
      json.add(field, value);
    }
  }
}
