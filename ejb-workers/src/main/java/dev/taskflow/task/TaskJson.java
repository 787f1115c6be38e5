package dev.taskflow.task;

import dev.taskflow.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;

/**
 * The task as the API shows it: every field present, timestamps in UTC; an all-day task's
 * {@code dueDate} is its date ({@code 2030-01-05}).
 */
public final class TaskJson {

  private TaskJson() {}

  public static JsonObject of(Task task) {
    JsonObjectBuilder json = Jsons.createObjectBuilder().add("id", task.id());
    writable(json, task.draft());
    put(json, "completedAt", task.completedAt());
    json.add("reminderSent", task.reminderSent());
    if (task.seriesId() == null) {
      json.addNull("seriesId");
    } else {
      json.add("seriesId", task.seriesId());
    }
    put(json, "createdAt", task.createdAt());
    put(json, "updatedAt", task.updatedAt());
    return json.build();
  }

  /** Only the fields a client may change: what a merge patch is applied to. */
  public static JsonObject writable(TaskDraft draft) {
    JsonObjectBuilder json = Jsons.createObjectBuilder();
    writable(json, draft);
    return json.build();
  }

  public static JsonObject page(List<Task> tasks, long total) {
    JsonArrayBuilder items = Jsons.createArrayBuilder();
    tasks.forEach(task -> items.add(of(task)));
    return Jsons.createObjectBuilder().add("items", items).add("total", total).build();
  }

  private static void writable(JsonObjectBuilder json, TaskDraft draft) {
    json.add("title", draft.title());
    put(json, "description", draft.description());
    json.add("priority", draft.priority().wireName());
    put(json, "category", draft.category());
    JsonArrayBuilder tags = Jsons.createArrayBuilder();
    draft.tags().forEach(tags::add);
    json.add("tags", tags);
    if (draft.allDay()) {
      // the day itself, as the client wrote it: a date, not the instant it starts
      json.add("dueDate", draft.dueDate().atZone(java.time.ZoneId.of(draft.timeZone())).toLocalDate().toString());
    } else {
      put(json, "dueDate", draft.dueDate());
    }
    json.add("timeZone", draft.timeZone());
    put(json, "recurrenceRule", draft.recurrenceRule());
    json.add("repeatFrom", draft.repeatFrom().wireName());
    json.add("remindBeforeMinutes", draft.remindBeforeMinutes());
    json.add("completed", draft.completed());
  }

  private static void put(JsonObjectBuilder json, String field, String value) {
    if (value == null) {
      json.addNull(field);
    } else {
      json.add(field, value);
    }
  }

  private static void put(JsonObjectBuilder json, String field, Instant value) {
    put(json, field, value == null ? null : value.toString());
  }
}
