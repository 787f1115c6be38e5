package dev.taskflow.task;

/** How urgent a task is; stored and shown in lower case. */
public enum Priority {
  LOW,
  MEDIUM,
  HIGH;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
