package dev.taskflow.desktop.live;

import dev.taskflow.desktop.task.Task;

/** A change to one of the signed-in user's tasks, from {@code task-events}. */
public record TaskChange(String eventId, Kind kind, Task task) {

  public enum Kind { CREATED, UPDATED, COMPLETED, DELETED }
}
