package dev.taskflow.recurrence;

import java.util.Optional;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRule.RfcMode;

/** Checks RRULE values (RFC 5545, without the {@code RRULE:} prefix) in strict mode. */
public final class RecurrenceRules {

  /** Longer rules are abuse, not recurrence: the longest sensible one is far shorter. */
  public static final int MAX_LENGTH = 500;

  private RecurrenceRules() {}

  /** Why {@code rule} cannot be a task's rule, or empty when it can. */
  public static Optional<String> problemForTask(String rule) {
    if (rule.length() > MAX_LENGTH) {
      return Optional.of("must be at most " + MAX_LENGTH + " characters");
    }
    if (rule.regionMatches(true, 0, "RRULE:", 0, 6)) {
      return Optional.of("must be the rule value without the 'RRULE:' prefix");
    }
    if (rule.isBlank()) {
      return Optional.of("must not be blank; use null for a task that does not repeat");
    }
    try {
      RecurrenceRule parsed = new RecurrenceRule(rule, RfcMode.RFC5545_STRICT);
      if (parsed.getFreq() == Freq.SECONDLY || parsed.getFreq() == Freq.MINUTELY) {
        return Optional.of("FREQ=" + parsed.getFreq() + " is too frequent for a task; use HOURLY or slower");
      }
      return Optional.empty();
    } catch (InvalidRecurrenceRuleException | RuntimeException e) {
      return Optional.of("is not a valid RFC 5545 RRULE: " + describe(e));
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
