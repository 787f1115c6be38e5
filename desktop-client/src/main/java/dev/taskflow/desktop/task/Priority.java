package dev.taskflow.desktop.task;

import java.util.Locale;

public enum Priority {
  LOW, MEDIUM, HIGH;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Priority fromWire(String value) {
    return value == null ? MEDIUM : valueOf(value.toUpperCase(Locale.ROOT));
  }

  public String label() {
    return switch (this) {
      case LOW -> "Low";
      case MEDIUM -> "Medium";
      case HIGH -> "High";
    };
  }
}
