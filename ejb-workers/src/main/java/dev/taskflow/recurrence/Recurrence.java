package dev.taskflow.recurrence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.TimeZone;
import java.util.function.Predicate;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRule.RfcMode;
import org.dmfs.rfc5545.recurrenceset.FastForwarded;
import org.dmfs.rfc5545.recurrenceset.OfRule;

/**
 * RFC 5545 recurrence with lib-recur, in strict mode, expanded in a time zone so the wall-clock
 * time is kept across daylight-saving changes. Everything lib-recur refuses or gives up on becomes
 * an {@link InvalidRuleException} with a message for the user; expansion is bounded, so no rule
 * can loop or hang.
 */
public final class Recurrence {

  /** Longer rules are abuse, not recurrence: the longest sensible one is far shorter. */
  public static final int MAX_LENGTH = 500;

  /** Occurrences we look at before giving up on finding one that matches a condition. */
  static final int MAX_SCAN = 100_000;

  private final RecurrenceRule rule;
  private final String text;

  private Recurrence(RecurrenceRule rule, String text) {
    this.rule = rule;
    this.text = text;
  }

  /** Parses an RRULE value (without the {@code RRULE:} prefix) in strict RFC 5545 mode. */
  public static Recurrence parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidRuleException("must not be blank");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidRuleException("must be at most " + MAX_LENGTH + " characters");
    }
    if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
      throw new InvalidRuleException("must be the rule value without the 'RRULE:' prefix");
    }
    if (!text.toUpperCase(java.util.Locale.ROOT).contains("FREQ=")) {
      throw new InvalidRuleException("is not a valid RFC 5545 RRULE: FREQ is required");
    }
    try {
      return new Recurrence(new RecurrenceRule(text, RfcMode.RFC5545_STRICT), text);
    } catch (InvalidRecurrenceRuleException | RuntimeException e) {
      String message = e.getMessage();
      throw new InvalidRuleException(
          "is not a valid RFC 5545 RRULE: " + (message == null || message.isBlank() ? e.getClass().getSimpleName() : message));
    }
  }

  public Freq freq() {
    return rule.getFreq();
  }

  /** The COUNT of the rule, or null. */
  public Integer count() {
    return rule.getCount();
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * The occurrences from {@code start} (a local date-time in {@code zone}, the series' DTSTART),
   * in order; {@code start} itself only when it matches the rule.
   */
  public Iterator<ZonedDateTime> occurrences(LocalDateTime start, ZoneId zone) {
    return occurrences(start, zone, null);
  }

  /**
   * The occurrences from {@code start}, skipping those before {@code skipTo} (when not null) the
   * way lib-recur fast-forwards: in periods, not one occurrence at a time, so a long series stays
   * cheap while COUNT and the alignment of INTERVAL and BYSETPOS still count from {@code start}.
   */
  Iterator<ZonedDateTime> occurrences(LocalDateTime start, ZoneId zone, Instant skipTo) {
    TimeZone tz = TimeZone.getTimeZone(zone);
    DateTime dtstart =
        new DateTime(tz, start.getYear(), start.getMonthValue() - 1, start.getDayOfMonth(), start.getHour(), start.getMinute(), start.getSecond());
    Iterator<DateTime> expansion;
    try {
      OfRule series = new OfRule(rule, dtstart);
      expansion =
          skipTo == null || !skipTo.isAfter(Instant.ofEpochMilli(dtstart.getTimestamp()))
              ? series.iterator()
              : new FastForwarded(new DateTime(tz, skipTo.toEpochMilli()), series).iterator();
    } catch (RuntimeException e) {
      throw unusable(e);
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        try {
          return expansion.hasNext();
        } catch (RuntimeException e) {
          throw unusable(e);
        }
      }

      @Override
      public ZonedDateTime next() {
        DateTime next;
        try {
          next = expansion.next();
        } catch (NoSuchElementException e) {
          throw e;
        } catch (RuntimeException e) {
          throw unusable(e);
        }
        LocalDateTime local =
            LocalDateTime.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth(), next.getHours(), next.getMinutes(), next.getSeconds());
        // A wall-clock time that does not exist (spring forward) moves forward by the gap;
        // one that exists twice (fall back) takes the earlier offset.
        return ZonedDateTime.ofLocal(local, zone, null);
      }
    };
  }

  /** The first {@code count} occurrences from {@code start}; fewer when the rule ends. */
  public List<ZonedDateTime> first(LocalDateTime start, ZoneId zone, int count) {
    List<ZonedDateTime> result = new ArrayList<>(count);
    Iterator<ZonedDateTime> it = occurrences(start, zone);
    while (result.size() < count && it.hasNext()) {
      result.add(it.next());
    }
    return result;
  }

  /**
   * The first occurrence from {@code start} that is strictly after {@code after}, or null when the
   * series ends before it. Earlier occurrences are walked over, so COUNT counts them.
   */
  public ZonedDateTime firstAfter(LocalDateTime start, ZoneId zone, Instant after) {
    return firstMatching(occurrences(start, zone, after), occurrence -> occurrence.toInstant().isAfter(after));
  }

  private static ZonedDateTime firstMatching(Iterator<ZonedDateTime> it, Predicate<ZonedDateTime> wanted) {
    for (int scanned = 0; it.hasNext(); scanned++) {
      if (scanned >= MAX_SCAN) {
        throw new InvalidRuleException("produces more than " + MAX_SCAN + " occurrences before the one needed; use a coarser FREQ");
      }
      ZonedDateTime occurrence = it.next();
      if (wanted.test(occurrence)) {
        return occurrence;
      }
    }
    return null;
  }

  private static InvalidRuleException unusable(RuntimeException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.contains("floating") || message.contains("all-day") || message.contains("allday")) {
      return new InvalidRuleException("UNTIL must be a UTC date-time such as 20271231T235959Z");
    }
    if (message.contains("too many")) {
      return new InvalidRuleException(
          "produces no occurrence within 1,000 periods of its FREQ: it may never occur (like 30 February); "
              + "if it is only rare, use a coarser FREQ (for example FREQ=YEARLY with the same BYMONTH and BYMONTHDAY)");
    }
    return new InvalidRuleException("cannot be expanded: " + (message.isBlank() ? e.getClass().getSimpleName() : message));
  }
}
