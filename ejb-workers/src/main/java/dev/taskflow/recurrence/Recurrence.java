package dev.taskflow.recurrence;

import dev.taskflow.recurrence.ParsedRule.Freq;
import dev.taskflow.recurrence.ParsedRule.UntilKind;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * RFC 5545 recurrence, expanded by {@link Expansion} in a time zone so the wall-clock time is kept
 * across daylight-saving changes. Parsing refuses what the RFC forbids and what would be too
 * expensive to expand ({@link Expansion#checkCost}); expansion is bounded in steps, so no rule can
 * loop, hang or fill the heap. Every refusal is an {@link InvalidRuleException} with a message for
 * the user that names the rule part.
 *
 * <p>Read the way calendars write rules: UNTIL may be UTC (an instant), floating (a wall-clock time
 * in the series' zone, as Outlook and Google exports do) or a date (through the end of that day).
 */
public final class Recurrence {

  /** Longer rules are abuse, not recurrence: the longest sensible one is far shorter. */
  public static final int MAX_LENGTH = 500;

  /** Occurrences we look at before giving up on finding one that matches a condition. */
  static final int MAX_SCAN = 100_000;

  private final ParsedRule rule;
  private final String text;

  private Recurrence(ParsedRule rule, String text) {
    this.rule = rule;
    this.text = text;
  }

  /** Parses an RRULE value (without the {@code RRULE:} prefix), strictly, and checks its cost. */
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
    ParsedRule parsed = ParsedRule.parse(text.strip());
    Expansion.checkCost(parsed);
    return new Recurrence(parsed, text);
  }

  Freq freq() {
    return rule.freq;
  }

  /** How many values BYMINUTE and BYSECOND hold at most (1 when absent). */
  int timesWithinAnHour() {
    return (rule.byMinute == null ? 1 : rule.byMinute.length) * (rule.bySecond == null ? 1 : rule.bySecond.length);
  }

  /** The COUNT of the rule, or null. */
  public Integer count() {
    return rule.count;
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
   * The occurrences from {@code start}, skipping whole periods before {@code skipTo} (when not
   * null and the rule has no COUNT), so a long series stays cheap while the alignment of INTERVAL
   * and BYSETPOS still counts from {@code start}.
   */
  Occurrences occurrences(LocalDateTime start, ZoneId zone, Instant skipTo) {
    Long skipToSeconds =
        skipTo == null ? null : LocalDateTime.ofInstant(skipTo, zone).toEpochSecond(ZoneOffset.UTC);
    return new Occurrences(new Expansion(rule, start.withNano(0), pastUntil(zone), skipToSeconds), zone);
  }

  /** The expansion's wall-clock times placed in the zone. */
  static final class Occurrences implements Iterator<ZonedDateTime> {
    private final Expansion expansion;
    private final ZoneId zone;
    private ZonedDateTime next;
    private Instant last;

    Occurrences(Expansion expansion, ZoneId zone) {
      this.expansion = expansion;
      this.zone = zone;
    }

    @Override
    public boolean hasNext() {
      while (next == null && expansion.hasNext()) {
        // A wall-clock time that does not exist (spring forward) moves forward by the gap; one
        // that exists twice (fall back) takes the earlier offset. Two that become the same
        // instant that way are one occurrence.
        ZonedDateTime candidate = ZonedDateTime.ofLocal(expansion.next(), zone, null);
        if (last == null || candidate.toInstant().isAfter(last)) {
          next = candidate;
          last = candidate.toInstant();
        }
      }
      return next != null;
    }

    @Override
    public ZonedDateTime next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ZonedDateTime result = next;
      next = null;
      return result;
    }

    /** Whether the series ended because nothing occurred for 400 years (not by COUNT or UNTIL). */
    boolean endedByHorizon() {
      return expansion.endedByHorizon();
    }
  }

  private Predicate<LocalDateTime> pastUntil(ZoneId zone) {
    if (rule.until == null) {
      return null;
    }
    if (rule.untilKind == UntilKind.UTC) {
      Instant until = rule.until.toInstant(ZoneOffset.UTC);
      return local -> ZonedDateTime.ofLocal(local, zone, null).toInstant().isAfter(until);
    }
    LocalDateTime until = rule.until;
    return local -> local.isAfter(until);
  }

  /**
   * The first {@code count} occurrences from {@code start}; fewer when the rule ends. A rule that
   * never occurs at all (within 400 years of its start) is refused.
   */
  public List<ZonedDateTime> first(LocalDateTime start, ZoneId zone, int count) {
    List<ZonedDateTime> result = new ArrayList<>(Math.min(count, 1000));
    Occurrences it = occurrences(start, zone, null);
    while (result.size() < count && it.hasNext()) {
      result.add(it.next());
    }
    if (result.isEmpty() && it.endedByHorizon()) {
      throw new InvalidRuleException(NEVER);
    }
    return result;
  }

  static final String NEVER =
      "never occurs: no date within 400 years of the start matches all its BYxxx parts (like 30 February)";

  /**
   * The first occurrence from {@code start} that is strictly after {@code after}, or null when the
   * series ends before it. Earlier occurrences are walked over, so COUNT counts them.
   */
  public ZonedDateTime firstAfter(LocalDateTime start, ZoneId zone, Instant after) {
    Iterator<ZonedDateTime> it = occurrences(start, zone, after);
    for (int scanned = 0; it.hasNext(); scanned++) {
      if (scanned >= MAX_SCAN) {
        throw new InvalidRuleException("produces more than " + MAX_SCAN + " occurrences before the one needed; use a coarser FREQ");
      }
      ZonedDateTime occurrence = it.next();
      if (occurrence.toInstant().isAfter(after)) {
        return occurrence;
      }
    }
    return null;
  }
}
