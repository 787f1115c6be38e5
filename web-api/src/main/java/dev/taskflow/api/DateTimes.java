package dev.taskflow.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date-times as people write them, for due dates and a preview's start: an RFC 3339 timestamp
 * ({@code 2030-01-05T09:00:00+01:00}, {@code ...Z}) or a local date-time ({@code
 * 2030-01-05T09:00:00}) in the task's time zone. Every refusal says what is wrong in words: a
 * date that does not exist, a time of day that does not, an offset the zone does not have then.
 */
public final class DateTimes {

  private static final Pattern SHAPE = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?([Zz]|[+-]\\d{2}:\\d{2})?");
  private static final Pattern DATE_ONLY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

  public static final String FORMS =
      "an RFC 3339 timestamp such as 2030-01-05T09:00:00+01:00 or 2030-01-05T09:00:00Z, or a local date-time"
          + " such as 2030-01-05T09:00:00 in timeZone";

  private DateTimes() {}

  /** Why a text is not a date-time we take; the message completes "{field} ...". */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The moment {@code text} names. {@code zone} resolves a local date-time (in a DST gap the time
   * moves forward by the gap's length, in an overlap the earlier offset wins) and must agree with
   * a numeric offset, unless {@code zoneGiven} is false (the zone is UTC by default: any offset
   * goes). {@code Z} is always a plain instant. {@code zone} null (itself invalid, reported
   * elsewhere): a local date-time yields null.
   */
  public static ZonedDateTime parse(String text, ZoneId zone, boolean zoneGiven) throws Invalid {
    return read(text, zone, zoneGiven).at();
  }

  /**
   * The wall-clock time {@code text} names in {@code zone}: a local date-time as written (even in
   * a DST gap: a series keeps its 02:30 on the days that have one), a timestamp converted into the
   * zone. Null when {@code zone} is null and the text is local.
   */
  public static LocalDateTime local(String text, ZoneId zone, boolean zoneGiven) throws Invalid {
    return read(text, zone, zoneGiven).local();
  }

  /**
   * The day {@code text} names if it is a date alone ({@code 2030-01-05}: an all-day due date);
   * null if it is not a date alone. A date that does not exist is refused saying so.
   */
  public static LocalDate day(String text) throws Invalid {
    Matcher m = DATE_ONLY.matcher(text);
    if (!m.matches()) {
      return null;
    }
    return date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  /** Words for rule parts an all-day series cannot have (times of day), or null when it has none. */
  public static String timeOfDayIn(String rule) {
    for (String part : rule.toUpperCase(Locale.ROOT).split(";")) {
      String name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
      String value = part.substring(name.length()).replaceFirst("^=", "");
      if (name.equals("BYHOUR") || name.equals("BYMINUTE") || name.equals("BYSECOND")
          || name.equals("FREQ") && (value.equals("HOURLY") || value.equals("MINUTELY") || value.equals("SECONDLY"))) {
        return part;
      }
    }
    return null;
  }

  private record Read(LocalDateTime local, ZonedDateTime at) {}

  private static Read read(String text, ZoneId zone, boolean zoneGiven) throws Invalid {
    Matcher m = SHAPE.matcher(text);
    if (!m.matches()) {
      if (DATE_ONLY.matcher(text).matches()) {
        throw new Invalid("must have a time of day here, e.g. " + text + "T09:00:00");
      }
      throw new Invalid("must be " + FORMS);
    }
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    LocalDate date = date(year, month, day);
    int hour = Integer.parseInt(m.group(4));
    int minute = Integer.parseInt(m.group(5));
    int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
    if (hour > 23 || minute > 59 || second > 59) {
      throw new Invalid("has the time " + m.group(4) + ":" + m.group(5) + (m.group(6) == null ? "" : ":" + m.group(6))
          + ", which is not a time of day (00:00:00 to 23:59:59)");
    }
    int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
    LocalDateTime local = LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos));
    String offsetText = m.group(8);
    if (offsetText == null) {
      return zone == null ? new Read(null, null) : new Read(local, ZonedDateTime.ofLocal(local, zone, null));
    }
    ZoneOffset offset;
    try {
      offset = offsetText.equalsIgnoreCase("Z") ? ZoneOffset.UTC : ZoneOffset.of(offsetText);
    } catch (DateTimeException e) {
      throw new Invalid("has the offset " + offsetText + ", which is not an offset (-18:00 to +18:00)");
    }
    ZonedDateTime instant = local.atOffset(offset).toZonedDateTime();
    if (offsetText.equalsIgnoreCase("Z") || !zoneGiven || zone == null) {
      ZonedDateTime at = zone == null ? instant : instant.withZoneSameInstant(zone);
      return new Read(at.toLocalDateTime(), at);
    }
    ZoneOffset actual = zone.getRules().getOffset(instant.toInstant());
    if (!actual.equals(offset)) {
      throw new Invalid("has the offset " + offsetText + ", but " + zone.getId() + " is at " + actual.getId()
          + " then (timeZone); write the local time without an offset (" + text.substring(0, m.start(8))
          + "), or the moment in UTC with Z");
    }
    ZonedDateTime at = instant.withZoneSameInstant(zone);
    return new Read(at.toLocalDateTime(), at);
  }

  private static LocalDate date(int year, int month, int day) throws Invalid {
    String text = String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
    if (month < 1 || month > 12) {
      throw new Invalid("has the date " + text + ", which does not exist: there is no month " + month);
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      Month m = Month.of(month);
      int days = m.length(java.time.Year.isLeap(year));
      throw new Invalid("has the date " + text + ", which does not exist: "
          + m.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year + " has " + days + " days");
    }
  }
}
