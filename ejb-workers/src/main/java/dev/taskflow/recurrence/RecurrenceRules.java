package dev.taskflow.recurrence;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import dev.taskflow.recurrence.ParsedRule.Freq;

/**
 * The rules a task's RRULE must satisfy, on top of RFC 5545 and the cost limits every rule has: a
 * task repeats at most hourly (FREQ=HOURLY or slower, one BYMINUTE and one BYSECOND at most).
 */
public final class RecurrenceRules {

  private RecurrenceRules() {}

  /** Why {@code rule} cannot be a task's rule, looking at the rule alone; empty when it can. */
  public static Optional<String> problemForTask(String rule) {
    try {
      Recurrence parsed = Recurrence.parse(rule);
      if (parsed.freq() == Freq.SECONDLY || parsed.freq() == Freq.MINUTELY) {
        return Optional.of("FREQ=" + parsed.freq() + " is too frequent for a task; use HOURLY or slower");
      }
      if (parsed.timesWithinAnHour() > 1) {
        return Optional.of(
            "BYMINUTE and BYSECOND may hold one value each for a task: a task repeats at most hourly");
      }
      return Optional.empty();
    } catch (InvalidRuleException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * Why {@code rule} cannot repeat a task due at {@code due} in {@code zone}: it must produce an
   * occurrence after the due date, or it would never repeat. Empty when it can.
   */
  public static Optional<String> problemForSeries(String rule, Instant due, ZoneId zone) {
    try {
      Recurrence parsed = Recurrence.parse(rule);
      if (parsed.firstAfter(due.atZone(zone).toLocalDateTime(), zone, due) == null) {
        return Optional.of("never produces an occurrence after the dueDate (check COUNT and UNTIL)");
      }
      return Optional.empty();
    } catch (InvalidRuleException e) {
      return Optional.of(e.getMessage());
    }
  }
}
