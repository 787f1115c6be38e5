package dev.taskflow.event;

/** The CloudEvents types Taskflow publishes (see docs/EVENTS.md). */
public enum EventType {
  TASK_CREATED("taskflow.task.created"),
  TASK_UPDATED("taskflow.task.updated"),
  TASK_DELETED("taskflow.task.deleted"),
  TASK_COMPLETED("taskflow.task.completed"),
  REMINDER_SENT("taskflow.reminder.sent");

  private final String type;

  EventType(String type) {
    this.type = type;
  }

  /** The CloudEvents {@code type} attribute. */
  public String type() {
    return type;
  }
}
