package dev.taskflow.desktop.task;

import java.util.Locale;

/** The API's {@code status} filter. */
public enum TaskStatus {
  OPEN, COMPLETED, ALL;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
