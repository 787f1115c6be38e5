package dev.taskflow.task;

/** Where the next occurrence of a recurring task is counted from. */
public enum RepeatFrom {
  DUE,
  COMPLETION;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
