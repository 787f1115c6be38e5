package dev.taskflow.desktop.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Due dates as people read them: "Today 14:00", "Tomorrow 09:00", "Mon 30 Nov 09:00". */
public final class DueDates {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter OTHER_YEAR =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

  private static final DateTimeFormatter DAY_THIS_YEAR = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_OTHER_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

  private DueDates() {}

  /** A task's due date: an all-day task by its day ("Tomorrow · all day"), any other by its moment. */
  public static String describe(dev.taskflow.desktop.task.Task task, Clock clock) {
    LocalDate day = task.dueDay();
    return day == null ? describe(task.dueDate(), clock) : describeDay(day, clock);
  }

  /** An all-day due date: the day itself, whatever the zone this desktop is in. */
  public static String describeDay(LocalDate day, Clock clock) {
    LocalDate today = LocalDate.now(clock);
    String text;
    if (day.equals(today)) {
      text = "Today";
    } else if (day.equals(today.plusDays(1))) {
      text = "Tomorrow";
    } else if (day.equals(today.minusDays(1))) {
      text = "Yesterday";
    } else {
      text = day.format(day.getYear() == today.getYear() ? DAY_THIS_YEAR : DAY_OTHER_YEAR);
    }
    text += " · all day";
    return day.isBefore(today) ? "Overdue · " + text : text;
  }

  public static String describe(Instant due, Clock clock) {
    if (due == null) {
      return "No due date";
    }
    ZonedDateTime when = due.atZone(clock.getZone());
    LocalDate today = LocalDate.now(clock);
    LocalDate day = when.toLocalDate();
    String text;
    if (day.equals(today)) {
      text = "Today " + when.format(TIME);
    } else if (day.equals(today.plusDays(1))) {
      text = "Tomorrow " + when.format(TIME);
    } else if (day.equals(today.minusDays(1))) {
      text = "Yesterday " + when.format(TIME);
    } else {
      text = when.format(day.getYear() == today.getYear() ? THIS_YEAR : OTHER_YEAR);
    }
    return due.isBefore(clock.instant()) ? "Overdue · " + text : text;
  }
}
