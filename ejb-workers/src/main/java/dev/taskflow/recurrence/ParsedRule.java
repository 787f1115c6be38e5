package dev.taskflow.recurrence;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RRULE value (RFC 5545 §3.3.10) parsed and checked against every constraint of the RFC; each
 * refusal names the rule part. Parts are case-insensitive, each may appear once, list values are
 * kept sorted and without duplicates.
 */
final class ParsedRule {

  /** FREQ, finest last, as RFC 5545 lists them. */
  enum Freq {
    YEARLY,
    MONTHLY,
    WEEKLY,
    DAILY,
    HOURLY,
    MINUTELY,
    SECONDLY;

    boolean finerThanDaily() {
      return compareTo(DAILY) > 0;
    }
  }

  /** How UNTIL was written, which decides how it is compared. */
  enum UntilKind {
    /** {@code 20271231T235959Z}: an instant. */
    UTC,
    /** {@code 20271231T235959}: a wall-clock time in the series' zone. */
    FLOATING,
    /** {@code 20271231}: through the end of that day in the series' zone. */
    DATE
  }

  /** One BYDAY value: a weekday, with its ordinal in the month or year (0 when none). */
  record WeekdayNum(int ordinal, DayOfWeek day) {
    @Override
    public String toString() {
      return (ordinal == 0 ? "" : Integer.toString(ordinal)) + CODES[day.ordinal()];
    }
  }

  private static final String[] CODES = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,10}");
  private static final Pattern WEEKDAY_NUM = Pattern.compile("([+-]?[0-9]{1,2})?([A-Z]{2})");
  private static final Pattern UNTIL = Pattern.compile("([0-9]{8})(?:T([0-9]{6})(Z)?)?");

  final Freq freq;
  final int interval;
  final Integer count;
  final LocalDateTime until;
  final UntilKind untilKind;
  final DayOfWeek wkst;
  final int[] bySecond;
  final int[] byMinute;
  final int[] byHour;
  final WeekdayNum[] byDay;
  final int[] byMonthDay;
  final int[] byYearDay;
  final int[] byWeekNo;
  final int[] byMonth;
  final int[] bySetPos;

  private ParsedRule(Map<String, String> parts) {
    freq = freq(parts.get("FREQ"));
    interval = parts.containsKey("INTERVAL") ? positive("INTERVAL", parts.get("INTERVAL")) : 1;
    count = parts.containsKey("COUNT") ? positive("COUNT", parts.get("COUNT")) : null;
    if (parts.containsKey("UNTIL")) {
      Matcher m = UNTIL.matcher(parts.get("UNTIL"));
      if (!m.matches()) {
        throw invalid("UNTIL must be a date such as 20271231 or a date-time such as 20271231T235959Z");
      }
      try {
        LocalDate date = LocalDate.parse(m.group(1), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        if (m.group(2) == null) {
          until = date.atTime(LocalTime.MAX.withNano(0));
          untilKind = UntilKind.DATE;
        } else {
          String t = m.group(2);
          until = date.atTime(Integer.parseInt(t.substring(0, 2)), Integer.parseInt(t.substring(2, 4)), Integer.parseInt(t.substring(4, 6)));
          untilKind = m.group(3) == null ? UntilKind.FLOATING : UntilKind.UTC;
        }
      } catch (DateTimeException e) {
        throw invalid("UNTIL is not a valid date or date-time: " + parts.get("UNTIL"));
      }
    } else {
      until = null;
      untilKind = null;
    }
    if (count != null && until != null) {
      throw invalid("COUNT and UNTIL must not both be given (RFC 5545 §3.3.10)");
    }
    wkst = parts.containsKey("WKST") ? weekday("WKST", parts.get("WKST")) : DayOfWeek.MONDAY;
    bySecond = ints(parts, "BYSECOND", 0, 60, false);
    byMinute = ints(parts, "BYMINUTE", 0, 59, false);
    byHour = ints(parts, "BYHOUR", 0, 23, false);
    byMonthDay = ints(parts, "BYMONTHDAY", 1, 31, true);
    byYearDay = ints(parts, "BYYEARDAY", 1, 366, true);
    byWeekNo = ints(parts, "BYWEEKNO", 1, 53, true);
    byMonth = ints(parts, "BYMONTH", 1, 12, false);
    bySetPos = ints(parts, "BYSETPOS", 1, 366, true);
    byDay = parts.containsKey("BYDAY") ? weekdayNums(parts.get("BYDAY")) : null;

    if (byWeekNo != null && freq != Freq.YEARLY) {
      throw invalid("BYWEEKNO is only allowed with FREQ=YEARLY");
    }
    if (byYearDay != null && (freq == Freq.DAILY || freq == Freq.WEEKLY || freq == Freq.MONTHLY)) {
      throw invalid("BYYEARDAY is not allowed with FREQ=" + freq);
    }
    if (byMonthDay != null && freq == Freq.WEEKLY) {
      throw invalid("BYMONTHDAY is not allowed with FREQ=WEEKLY");
    }
    if (hasNumberedDays()) {
      if (freq != Freq.MONTHLY && freq != Freq.YEARLY) {
        throw invalid("BYDAY with a number (like 1MO or -1FR) is only allowed with FREQ=MONTHLY or FREQ=YEARLY");
      }
      if (freq == Freq.YEARLY && byWeekNo != null) {
        throw invalid("BYDAY with a number (like 1MO) is not allowed together with BYWEEKNO");
      }
      if (freq == Freq.MONTHLY && Arrays.stream(byDay).anyMatch(d -> Math.abs(d.ordinal()) > 5)) {
        throw invalid("BYDAY numbers must be from -5 to 5 with FREQ=MONTHLY (a month has at most five of a weekday)");
      }
    }
    if (bySetPos != null
        && bySecond == null && byMinute == null && byHour == null && byDay == null && byMonthDay == null
        && byYearDay == null && byWeekNo == null && byMonth == null) {
      throw invalid("BYSETPOS must be used together with another BYxxx part");
    }
  }

  /** Parses {@code text} (already checked for length and the FREQ part's presence). */
  static ParsedRule parse(String text) {
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : text.split(";", -1)) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw invalid(part.isEmpty() ? "has an empty part (two ';' in a row or a trailing ';')" : "has a part without '=': " + clip(part));
      }
      String name = part.substring(0, eq).strip().toUpperCase(Locale.ROOT);
      String value = part.substring(eq + 1).strip().toUpperCase(Locale.ROOT);
      if (value.isEmpty()) {
        throw invalid(name + " has no value");
      }
      if (!KNOWN.contains(name)) {
        throw invalid("has an unknown part " + clip(name) + " (RFC 5545 knows " + String.join(", ", KNOWN) + ")");
      }
      if (parts.put(name, value) != null) {
        throw invalid(name + " is given more than once");
      }
    }
    if (!parts.containsKey("FREQ")) {
      throw invalid("FREQ is required");
    }
    return new ParsedRule(parts);
  }

  private static final java.util.List<String> KNOWN =
      java.util.List.of("FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY",
          "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST");

  /** Whether BYDAY has numbered values (1MO, -1FR). */
  boolean hasNumberedDays() {
    return byDay != null && Arrays.stream(byDay).anyMatch(d -> d.ordinal() != 0);
  }

  private static Freq freq(String value) {
    try {
      return Freq.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw invalid("FREQ must be one of SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY, not " + clip(value));
    }
  }

  private static int positive(String name, String value) {
    if (!value.matches("[+]?[0-9]{1,10}")) {
      throw invalid(name + " must be a positive whole number, not " + clip(value));
    }
    long n = Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
    if (n < 1 || n > Integer.MAX_VALUE) {
      throw invalid(name + " must be from 1 to " + Integer.MAX_VALUE + ", not " + clip(value));
    }
    return (int) n;
  }

  private static int[] ints(Map<String, String> parts, String name, int min, int max, boolean negativeToo) {
    String value = parts.get(name);
    if (value == null) {
      return null;
    }
    TreeSet<Integer> values = new TreeSet<>();
    for (String item : value.split(",", -1)) {
      if (!INTEGER.matcher(item).matches()) {
        throw invalid(name + " must be a comma-separated list of whole numbers, not " + clip(value));
      }
      long n = Long.parseLong(item.startsWith("+") ? item.substring(1) : item);
      boolean ok = n >= min && n <= max || negativeToo && n <= -min && n >= -max;
      if (!ok) {
        throw invalid(name + " values must be " + (negativeToo ? "from " + min + " to " + max + " or from -" + max + " to -" + min : "from " + min + " to " + max) + ", not " + n);
      }
      values.add((int) n);
    }
    return values.stream().mapToInt(Integer::intValue).toArray();
  }

  private static DayOfWeek weekday(String name, String code) {
    for (int i = 0; i < CODES.length; i++) {
      if (CODES[i].equals(code)) {
        return DayOfWeek.of(i + 1);
      }
    }
    throw invalid(name + " must name weekdays as MO, TU, WE, TH, FR, SA, SU, not " + clip(code));
  }

  private static WeekdayNum[] weekdayNums(String value) {
    java.util.LinkedHashSet<WeekdayNum> days = new java.util.LinkedHashSet<>();
    for (String item : value.split(",", -1)) {
      Matcher m = WEEKDAY_NUM.matcher(item);
      if (!m.matches()) {
        throw invalid("BYDAY must be a list of weekdays such as MO,WE or 1MO,-1FR, not " + clip(value));
      }
      int ordinal = 0;
      if (m.group(1) != null) {
        ordinal = Integer.parseInt(m.group(1).startsWith("+") ? m.group(1).substring(1) : m.group(1));
        if (ordinal == 0 || Math.abs(ordinal) > 53) {
          throw invalid("BYDAY numbers must be from 1 to 53 or from -53 to -1, not " + ordinal);
        }
      }
      days.add(new WeekdayNum(ordinal, weekday("BYDAY", m.group(2))));
    }
    return days.toArray(WeekdayNum[]::new);
  }

  private static String clip(String raw) {
    String s = raw.replaceAll("\\p{Cntrl}", "?");
    return s.length() <= 40 ? "'" + s + "'" : "'" + s.substring(0, 40) + "…'";
  }

  private static InvalidRuleException invalid(String message) {
    return new InvalidRuleException("is not a valid RFC 5545 RRULE: " + message);
  }
}
