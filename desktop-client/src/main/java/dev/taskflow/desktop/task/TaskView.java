package dev.taskflow.desktop.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.function.Predicate;

/** The list views of the main window. "Today" includes what is overdue: it still needs doing today. */
public enum TaskView {
  OPEN("Open"),
  TODAY("Today"),
  UPCOMING("Upcoming"),
  COMPLETED("Completed");

  /** The API's order: due date (nulls last), then id. */
  public static final Comparator<Task> BY_DUE_DATE = Comparator
      .comparing(Task::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparingLong(Task::id);

  private final String label;

  TaskView(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Which tasks the view shows, judged at {@code now} in the user's {@code zone}. */
  public Predicate<Task> filter(Instant now, ZoneId zone) {
    Instant tomorrow = LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
    return switch (this) {
      case OPEN -> task -> !task.completed();
      case TODAY -> task -> !task.completed() && task.dueDate() != null && task.dueDate().isBefore(tomorrow);
      case UPCOMING -> task -> !task.completed() && task.dueDate() != null && !task.dueDate().isBefore(tomorrow);
      case COMPLETED -> Task::completed;
    };
  }

  public boolean needsCompletedTasks() {
    return this == COMPLETED;
  }
}
