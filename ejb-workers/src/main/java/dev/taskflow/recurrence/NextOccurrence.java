package dev.taskflow.recurrence;

import dev.taskflow.task.RepeatFrom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When the next task of a recurring series is due, once one occurrence is completed.
 *
 * <ul>
 *   <li>{@code repeatFrom=due}: the first occurrence of the series (from its DTSTART, so COUNT and
 *       BYSETPOS stay right) after both the completed occurrence and now. Missed occurrences are
 *       skipped and count toward COUNT: a completed overdue task never spawns another overdue one.
 *   <li>{@code repeatFrom=completion}: the rule restarted on the completion date at the series'
 *       time of day; the first occurrence after that restart and after the completion. COUNT
 *       counts the tasks of the series.
 * </ul>
 *
 * Wall-clock time is kept in the series' zone across daylight-saving changes.
 */
public final class NextOccurrence {

  /** What the calculation needs of the completed task and its series. */
  public record Completed(
      String rule,
      ZoneId zone,
      Instant seriesStart,
      Instant due,
      Instant completedAt,
      RepeatFrom repeatFrom,
      int occurrenceIndex) {}

  private NextOccurrence() {}

  /** The successor's due date, or empty when the series has ended. */
  public static Optional<Instant> of(Completed task, Instant now) {
    Recurrence rule = Recurrence.parse(task.rule());
    LocalDateTime seriesStart = task.seriesStart().atZone(task.zone()).toLocalDateTime();
    ZonedDateTime next;
    if (task.repeatFrom() == RepeatFrom.DUE) {
      Instant after = task.due().isAfter(now) ? task.due() : now;
      next = rule.firstAfter(seriesStart, task.zone(), after);
    } else {
      if (rule.count() != null && task.occurrenceIndex() >= rule.count()) {
        return Optional.empty();
      }
      LocalDateTime restart =
          task.completedAt().atZone(task.zone()).toLocalDate().atTime(seriesStart.toLocalTime());
      Instant restartInstant = restart.atZone(task.zone()).toInstant();
      Instant after = restartInstant.isAfter(task.completedAt()) ? restartInstant : task.completedAt();
      next = rule.firstAfter(restart, task.zone(), after);
    }
    return Optional.ofNullable(next).map(ZonedDateTime::toInstant);
  }
}
