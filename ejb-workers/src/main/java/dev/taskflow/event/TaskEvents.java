package dev.taskflow.event;

import dev.taskflow.json.Jsons;
import dev.taskflow.task.Task;
import dev.taskflow.task.TaskJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the CloudEvents 1.0 structured-mode JSON of a task event: a unique {@code id}, the
 * {@code type}, {@code source}, {@code subject} (the task id), {@code time}, and {@code data} with
 * the owner's {@code userId} and the task as the API shows it.
 */
public final class TaskEvents {

  public static final String SOURCE = "/taskflow/tasks";
  public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

  private TaskEvents() {}

  public static JsonObject of(UUID id, EventType type, Task task, Instant time, Map<String, Integer> extraData) {
    JsonObjectBuilder data = Jsons.createObjectBuilder().add("userId", task.userId()).add("task", TaskJson.of(task));
    extraData.forEach(data::add);
    return Jsons.createObjectBuilder()
        .add("specversion", "1.0")
        .add("id", id.toString())
        .add("source", SOURCE)
        .add("type", type.type())
        .add("subject", String.valueOf(task.id()))
        .add("time", time.toString())
        .add("datacontenttype", "application/json")
        .add("data", data)
        .build();
  }
}
