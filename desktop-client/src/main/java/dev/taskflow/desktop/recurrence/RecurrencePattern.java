package dev.taskflow.desktop.recurrence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the recurrence builder offers, as RRULE text and back. Rules the builder cannot show are
 * kept verbatim as {@link Kind#CUSTOM}, so editing a task never rewrites its rule by accident.
 */
public record RecurrencePattern(
    Kind kind, int interval, Set<DayOfWeek> days, int monthDay, int weekOfMonth, DayOfWeek weekday, String custom) {

  public enum Kind {
    NONE("Does not repeat"),
    DAILY("Daily"),
    WEEKDAYS("Every weekday (Mon–Fri)"),
    WEEKLY("Weekly on chosen days"),
    MONTHLY_BY_DAY("Monthly on a day of the month"),
    MONTHLY_BY_WEEKDAY("Monthly on a weekday (e.g. last Friday)"),
    YEARLY("Yearly"),
    CUSTOM("Custom RRULE");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** {@code weekOfMonth} value for "the last ..." of a month. */
  public static final int LAST = -1;

  private static final Set<DayOfWeek> WORKDAYS =
      EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

  public RecurrencePattern {
    days = days == null || days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
    custom = custom == null ? "" : custom.strip();
    interval = Math.max(1, interval);
  }

  public static RecurrencePattern none() {
    return new RecurrencePattern(Kind.NONE, 1, Set.of(), 1, 1, DayOfWeek.MONDAY, "");
  }

  /** The pattern of a kind, filled from the due date: weekly on its weekday, monthly on its day... */
  public static RecurrencePattern defaults(Kind kind, LocalDate due) {
    LocalDate day = due == null ? LocalDate.now() : due;
    int nth = (day.getDayOfMonth() - 1) / 7 + 1;
    boolean last = day.plusWeeks(1).getMonth() != day.getMonth();
    return new RecurrencePattern(kind, 1, EnumSet.of(day.getDayOfWeek()), day.getDayOfMonth(),
        last ? LAST : nth, day.getDayOfWeek(), "");
  }

  public RecurrencePattern withKind(Kind newKind) {
    return new RecurrencePattern(newKind, interval, days, monthDay, weekOfMonth, weekday, custom);
  }

  /** The RRULE value (no {@code RRULE:} prefix), or null for a task that does not repeat. */
  public String toRule() {
    String every = interval > 1 ? ";INTERVAL=" + interval : "";
    return switch (kind) {
      case NONE -> null;
      case DAILY -> "FREQ=DAILY" + every;
      case WEEKDAYS -> "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";
      case WEEKLY -> "FREQ=WEEKLY" + every + (days.isEmpty() ? "" : ";BYDAY=" + codes(days));
      case MONTHLY_BY_DAY -> "FREQ=MONTHLY" + every + ";BYMONTHDAY=" + monthDay;
      case MONTHLY_BY_WEEKDAY -> "FREQ=MONTHLY" + every + ";BYDAY=" + weekOfMonth + code(weekday);
      case YEARLY -> "FREQ=YEARLY" + every;
      case CUSTOM -> custom.isEmpty() ? null : custom.replaceFirst("(?i)^RRULE:", "");
    };
  }

  /** The builder's reading of a rule; anything it cannot show faithfully becomes CUSTOM. */
  public static RecurrencePattern parse(String rule, LocalDate due) {
    if (rule == null || rule.isBlank()) {
      return none();
    }
    RecurrencePattern base = defaults(Kind.CUSTOM, due);
    Map<String, String> parts = new LinkedHashMap<>();
    for (String part : rule.strip().toUpperCase(Locale.ROOT).split(";")) {
      String[] pair = part.split("=", 2);
      if (pair.length != 2 || parts.put(pair[0], pair[1]) != null) {
        return custom(base, rule);
      }
    }
    int interval = 1;
    if (parts.containsKey("INTERVAL")) {
      try {
        interval = Integer.parseInt(parts.remove("INTERVAL"));
      } catch (NumberFormatException e) {
        return custom(base, rule);
      }
    }
    String freq = parts.remove("FREQ");
    String byDay = parts.remove("BYDAY");
    String byMonthDay = parts.remove("BYMONTHDAY");
    if (!parts.isEmpty() || freq == null) {
      return custom(base, rule);
    }
    try {
      RecurrencePattern pattern = switch (freq) {
        case "DAILY" -> byDay == null && byMonthDay == null ? base.with(Kind.DAILY, interval) : null;
        case "WEEKLY" -> weekly(base, interval, byDay, byMonthDay);
        case "MONTHLY" -> monthly(base, interval, byDay, byMonthDay);
        case "YEARLY" -> byDay == null && byMonthDay == null ? base.with(Kind.YEARLY, interval) : null;
        default -> null;
      };
      return pattern == null ? custom(base, rule) : pattern;
    } catch (IllegalArgumentException e) {
      return custom(base, rule);
    }
  }

  private static RecurrencePattern weekly(RecurrencePattern base, int interval, String byDay, String byMonthDay) {
    if (byMonthDay != null) {
      return null;
    }
    if (byDay == null) {
      return base.with(Kind.WEEKLY, interval);
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String code : byDay.split(",")) {
      days.add(day(code));
    }
    if (days.equals(WORKDAYS) && interval == 1) {
      return new RecurrencePattern(Kind.WEEKDAYS, 1, days, base.monthDay, base.weekOfMonth, base.weekday, "");
    }
    return new RecurrencePattern(Kind.WEEKLY, interval, days, base.monthDay, base.weekOfMonth, base.weekday, "");
  }

  private static RecurrencePattern monthly(RecurrencePattern base, int interval, String byDay, String byMonthDay) {
    if (byDay == null && byMonthDay != null && byMonthDay.matches("-?\\d{1,2}")) {
      int day = Integer.parseInt(byMonthDay);
      return new RecurrencePattern(Kind.MONTHLY_BY_DAY, interval, base.days, day, base.weekOfMonth, base.weekday, "");
    }
    if (byMonthDay == null && byDay != null && byDay.matches("(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)")) {
      int nth = Integer.parseInt(byDay.substring(0, byDay.length() - 2));
      DayOfWeek weekday = day(byDay.substring(byDay.length() - 2));
      return new RecurrencePattern(Kind.MONTHLY_BY_WEEKDAY, interval, base.days, base.monthDay, nth, weekday, "");
    }
    return null;
  }

  private RecurrencePattern with(Kind newKind, int newInterval) {
    return new RecurrencePattern(newKind, newInterval, days, monthDay, weekOfMonth, weekday, "");
  }

  private static RecurrencePattern custom(RecurrencePattern base, String rule) {
    return new RecurrencePattern(Kind.CUSTOM, 1, base.days, base.monthDay, base.weekOfMonth, base.weekday, rule.strip());
  }

  /** A short human description, e.g. "Every 2 weeks on Mon, Wed" or "Monthly on the last Friday". */
  public String describe() {
    return switch (kind) {
      case NONE -> "Does not repeat";
      case DAILY -> interval == 1 ? "Daily" : "Every " + interval + " days";
      case WEEKDAYS -> "Every weekday";
      case WEEKLY -> (interval == 1 ? "Weekly" : "Every " + interval + " weeks")
          + (days.isEmpty() ? "" : " on " + days.stream().map(d -> name(d, TextStyle.SHORT))
              .collect(Collectors.joining(", ")));
      case MONTHLY_BY_DAY -> (interval == 1 ? "Monthly" : "Every " + interval + " months")
          + (monthDay == LAST ? " on the last day" : " on day " + monthDay);
      case MONTHLY_BY_WEEKDAY -> (interval == 1 ? "Monthly" : "Every " + interval + " months")
          + " on the " + ordinal(weekOfMonth) + " " + name(weekday, TextStyle.FULL);
      case YEARLY -> interval == 1 ? "Yearly" : "Every " + interval + " years";
      case CUSTOM -> custom.isEmpty() ? "Custom rule" : "Custom: " + custom;
    };
  }

  public static List<Integer> weekOfMonthChoices() {
    List<Integer> choices = new ArrayList<>(List.of(1, 2, 3, 4));
    choices.add(LAST);
    return choices;
  }

  public static String ordinal(int nth) {
    return switch (nth) {
      case LAST -> "last";
      case 1 -> "first";
      case 2 -> "second";
      case 3 -> "third";
      case 4 -> "fourth";
      default -> nth + "th";
    };
  }

  private static String codes(Set<DayOfWeek> days) {
    return days.stream().map(RecurrencePattern::code).collect(Collectors.joining(","));
  }

  private static String code(DayOfWeek day) {
    return day.name().substring(0, 2);
  }

  private static DayOfWeek day(String code) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (code(day).equals(code)) {
        return day;
      }
    }
    throw new IllegalArgumentException("not a weekday: " + code);
  }

  private static String name(DayOfWeek day, TextStyle style) {
    return day.getDisplayName(style, Locale.ENGLISH);
  }
}
