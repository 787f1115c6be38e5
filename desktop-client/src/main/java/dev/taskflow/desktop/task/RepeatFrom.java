package dev.taskflow.desktop.task;

import java.util.Locale;

public enum RepeatFrom {
  DUE, COMPLETION;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RepeatFrom fromWire(String value) {
    return value == null ? DUE : valueOf(value.toUpperCase(Locale.ROOT));
  }
}
