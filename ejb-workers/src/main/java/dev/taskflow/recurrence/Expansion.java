package dev.taskflow.recurrence;

import dev.taskflow.recurrence.ParsedRule.Freq;
import dev.taskflow.recurrence.ParsedRule.WeekdayNum;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * The occurrences of a {@link ParsedRule} from a DTSTART, in wall-clock (floating) time, in order.
 *
 * <p>The rule is expanded one FREQ period at a time (a year, a month, a week, a day, an hour...):
 * the period's candidate days are those that pass every BYxxx day part (BYMONTH, BYWEEKNO,
 * BYYEARDAY, BYMONTHDAY, BYDAY), combined with the times of day, then BYSETPOS picks from the
 * period's set, then DTSTART, UNTIL and COUNT bound the result (RFC 5545 §3.3.10). Defaults come
 * from DTSTART as the RFC says (a yearly rule without BYxxx days recurs on DTSTART's month and day).
 *
 * <p>Nothing here can cost unbounded time or memory:
 *
 * <ul>
 *   <li>a period's set is never larger than {@link #MAX_PER_PERIOD}: {@link #checkCost} refuses
 *       rules whose BYxxx lists multiply beyond it before anything is expanded;
 *   <li>days and periods that cannot match are jumped over (a month outside BYMONTH, a day outside
 *       the day parts at DAILY and finer, hours outside BYHOUR at HOURLY and finer), so sparse
 *       rules find their next occurrence in a few thousand steps rather than millions;
 *   <li>every step is counted against {@link #MAX_STEPS}; past it the rule is refused;
 *   <li>a series with no occurrence for {@link #HORIZON_DAYS} (400 years, one Gregorian cycle)
 *       has ended, and no year after 9999 is produced.
 * </ul>
 */
final class Expansion implements Iterator<LocalDateTime> {

  /** Most instances one FREQ period may hold (a year of hours is 8,784). */
  static final int MAX_PER_PERIOD = 10_000;

  /** Most steps (days, periods and instances looked at) one expansion may take: about 5 ms of CPU per million here once compiled. */
  static final long MAX_STEPS = 2_000_000;

  /** 400 Gregorian years: every calendar pattern repeats within it. */
  static final long HORIZON_DAYS = 146_097;

  private static final int LAST_YEAR = 9999;
  private static final long LAST_DAY = LocalDate.of(LAST_YEAR, 12, 31).toEpochDay();
  private static final long DAY = 86_400;

  private final ParsedRule rule;
  private final long startSeconds;
  private final LocalDate startDate;
  private final Predicate<LocalDateTime> pastUntil;

  // day parts as lookup tables; null when the part is absent
  private final boolean[] months;
  private final boolean[] monthDayPos;
  private final boolean[] monthDayNeg;
  private final boolean[] yearDayPos;
  private final boolean[] yearDayNeg;
  private final boolean[] weekNoPos;
  private final boolean[] weekNoNeg;
  private final boolean[] plainDays;
  private final boolean[][] numberedPos;
  private final boolean[][] numberedNeg;
  private final boolean dayParts;
  /** BYDAY holds numbered values only (1MO, -1FR), no plain weekday. */
  private final boolean onlyNumberedDays;
  private final boolean numberedInYear;

  // time parts
  private final boolean[] hours;
  private final boolean[] minutes;
  private final boolean[] seconds;
  /** Coarse FREQ: seconds of the day; finer: offsets within the period. Sorted. */
  private final int[] times;
  /** Finer than DAILY with BYHOUR/BYMINUTE/BYSECOND limits: the allowed, reachable period starts. */
  private final int[] allowedPeriodStarts;
  private final long periodSeconds;
  private final long base;

  private long period;
  private long[] set = new long[16];
  private int setSize;
  private int setPos;
  private int largestPeriod;
  private long emitted;
  private long steps;
  private long anchorDay;
  private boolean done;
  private boolean endedByHorizon;
  private LocalDateTime next;

  /**
   * @param skipToSeconds when not null and no COUNT is given, whole periods ending before this
   *     wall-clock second are not expanded (COUNT must count from DTSTART, so it disables this)
   */
  Expansion(ParsedRule rule, LocalDateTime start, Predicate<LocalDateTime> pastUntil, Long skipToSeconds) {
    this.rule = rule;
    this.startSeconds = start.toEpochSecond(ZoneOffset.UTC);
    this.startDate = start.toLocalDate();
    this.pastUntil = pastUntil;
    Freq freq = rule.freq;

    int[] byMonth = rule.byMonth;
    int[] byMonthDay = rule.byMonthDay;
    WeekdayNum[] byDay = rule.byDay;
    boolean noDayParts = rule.byWeekNo == null && rule.byYearDay == null && byMonthDay == null && byDay == null;
    if (noDayParts && freq == Freq.YEARLY) {
      if (byMonth == null) {
        byMonth = new int[] {start.getMonthValue()};
      }
      byMonthDay = new int[] {start.getDayOfMonth()};
    } else if (noDayParts && freq == Freq.MONTHLY) {
      byMonthDay = new int[] {start.getDayOfMonth()};
    } else if (noDayParts && freq == Freq.WEEKLY) {
      byDay = new WeekdayNum[] {new WeekdayNum(0, start.getDayOfWeek())};
    }
    months = table(byMonth, 13);
    monthDayPos = positives(byMonthDay, 32);
    monthDayNeg = negatives(byMonthDay, 32);
    yearDayPos = positives(rule.byYearDay, 367);
    yearDayNeg = negatives(rule.byYearDay, 367);
    weekNoPos = positives(rule.byWeekNo, 54);
    weekNoNeg = negatives(rule.byWeekNo, 54);
    if (byDay == null) {
      plainDays = null;
      numberedPos = null;
      numberedNeg = null;
    } else {
      plainDays = new boolean[7];
      numberedPos = new boolean[7][54];
      numberedNeg = new boolean[7][54];
      for (WeekdayNum d : byDay) {
        int w = d.day().ordinal();
        if (d.ordinal() == 0) {
          plainDays[w] = true;
        } else if (d.ordinal() > 0) {
          numberedPos[w][d.ordinal()] = true;
        } else {
          numberedNeg[w][-d.ordinal()] = true;
        }
      }
    }
    onlyNumberedDays = byDay != null && Arrays.stream(byDay).allMatch(d -> d.ordinal() != 0);
    dayParts = months != null || monthDayPos != null || yearDayPos != null || weekNoPos != null || plainDays != null;
    numberedInYear = freq == Freq.YEARLY && rule.byMonth == null;

    int[] byHour = rule.byHour != null ? rule.byHour : freq.compareTo(Freq.HOURLY) < 0 ? new int[] {start.getHour()} : null;
    int[] byMinute = rule.byMinute != null ? rule.byMinute : freq.compareTo(Freq.MINUTELY) < 0 ? new int[] {start.getMinute()} : null;
    int[] bySecond = rule.bySecond != null ? rule.bySecond : freq.compareTo(Freq.SECONDLY) < 0 ? new int[] {start.getSecond()} : null;
    hours = table(byHour, 24);
    minutes = table(byMinute, 60);
    seconds = table(rule.bySecond, 61);
    // second 60 (a leap second) is valid RFC 5545 but no such second exists on our time scale
    int[] realSeconds = bySecond == null ? null : Arrays.stream(bySecond).filter(s -> s < 60).toArray();
    switch (freq) {
      case HOURLY -> {
        times = combine(new int[] {0}, byMinute, realSeconds);
        periodSeconds = 3600L * rule.interval;
        base = Math.floorDiv(startSeconds, 3600) * 3600;
      }
      case MINUTELY -> {
        times = combine(new int[] {0}, new int[] {0}, realSeconds);
        periodSeconds = 60L * rule.interval;
        base = Math.floorDiv(startSeconds, 60) * 60;
      }
      case SECONDLY -> {
        times = new int[] {0};
        periodSeconds = rule.interval;
        base = startSeconds;
      }
      default -> {
        times = combine(byHour, byMinute, realSeconds);
        periodSeconds = 0;
        base = 0;
      }
    }
    if (times.length == 0) {
      throw new InvalidRuleException("never occurs: BYSECOND=60 names a leap second, which no clock here has");
    }
    if (rule.bySetPos != null) {
      long largest = daysPerPeriod(rule) * times.length;
      if (Arrays.stream(rule.bySetPos).noneMatch(pos -> Math.abs(pos) <= largest)) {
        throw new InvalidRuleException(
            "never occurs: BYSETPOS picks beyond the at most " + largest + " occurrence" + (largest == 1 ? "" : "s")
                + " of each FREQ=" + freq + " period");
      }
    }
    allowedPeriodStarts = freq.finerThanDaily() ? allowedPeriodStarts(freq) : null;
    if (allowedPeriodStarts != null && allowedPeriodStarts.length == 0) {
      throw new InvalidRuleException(
          "never occurs: with INTERVAL=" + rule.interval + " from this start, the times BYHOUR, BYMINUTE and BYSECOND allow are never reached");
    }
    anchorDay = startDate.toEpochDay();
    if (skipToSeconds != null && rule.count == null && skipToSeconds > startSeconds) {
      period = Math.max(0, periodBefore(skipToSeconds));
      anchorDay = Math.max(anchorDay, Math.floorDiv(skipToSeconds, DAY));
    }
  }

  /**
   * Refuses a rule whose periods could hold more than {@link #MAX_PER_PERIOD} instances, naming the
   * part that multiplies beyond it. Looks at the rule alone, before any expansion.
   */
  static void checkCost(ParsedRule rule) {
    Freq freq = rule.freq;
    long days = daysPerPeriod(rule);
    String daysWhy = days == 1 ? "" : days + " days";
    long instances = days;
    String[] names = {"BYHOUR", "BYMINUTE", "BYSECOND"};
    int[][] lists = {rule.byHour, rule.byMinute, rule.bySecond};
    Freq[] expandBelow = {Freq.HOURLY, Freq.MINUTELY, Freq.SECONDLY};
    StringBuilder why = new StringBuilder(daysWhy);
    for (int i = 0; i < 3; i++) {
      if (lists[i] == null || freq.compareTo(expandBelow[i]) >= 0) {
        continue; // absent, or limits rather than expands at this FREQ
      }
      instances *= lists[i].length;
      why.append(why.length() == 0 ? "" : " × ").append(names[i]).append(' ').append(lists[i].length);
      if (instances > MAX_PER_PERIOD) {
        throw new InvalidRuleException(
            "is too expensive: " + names[i] + " makes each FREQ=" + freq + " period hold up to "
                + String.format(java.util.Locale.ROOT, "%,d", instances) + " occurrences (" + why
                + "); the limit is " + String.format(java.util.Locale.ROOT, "%,d", MAX_PER_PERIOD)
                + ". Use a finer FREQ (such as FREQ=DAILY with the same BYHOUR and BYMINUTE) or fewer values");
      }
    }
  }

  /** An upper bound of the days one period can hold. */
  private static long daysPerPeriod(ParsedRule rule) {
    long monthCount = rule.byMonth == null ? 12 : rule.byMonth.length;
    return switch (rule.freq) {
      case YEARLY -> {
        long bound = 366;
        if (rule.byYearDay != null) {
          bound = Math.min(bound, rule.byYearDay.length);
        }
        if (rule.byMonthDay != null) {
          bound = Math.min(bound, rule.byMonthDay.length * monthCount);
        }
        if (rule.byWeekNo != null) {
          bound = Math.min(bound, rule.byWeekNo.length * 7L);
        }
        if (rule.byDay != null) {
          long numbered = Arrays.stream(rule.byDay).filter(d -> d.ordinal() != 0).count();
          long plain = rule.byDay.length - numbered;
          bound = Math.min(bound, numbered * (rule.byMonth == null ? 1 : monthCount) + plain * 53);
        }
        if (rule.byYearDay == null && rule.byMonthDay == null && rule.byWeekNo == null && rule.byDay == null) {
          bound = monthCount;
        }
        yield bound;
      }
      case MONTHLY -> {
        long bound = 31;
        if (rule.byMonthDay != null) {
          bound = Math.min(bound, rule.byMonthDay.length);
        }
        if (rule.byDay != null) {
          long numbered = Arrays.stream(rule.byDay).filter(d -> d.ordinal() != 0).count();
          bound = Math.min(bound, numbered + (rule.byDay.length - numbered) * 5);
        }
        yield rule.byMonthDay == null && rule.byDay == null ? 1 : bound;
      }
      case WEEKLY -> rule.byDay == null ? 1 : rule.byDay.length;
      default -> 1;
    };
  }

  /** Whether the series ended because nothing occurred for 400 years (not by COUNT or UNTIL). */
  boolean endedByHorizon() {
    return endedByHorizon;
  }

  /** Steps taken so far (never more than {@link #MAX_STEPS}). */
  long steps() {
    return steps;
  }

  /** The most instances one period held so far (never more than {@link #MAX_PER_PERIOD}). */
  int largestPeriod() {
    return largestPeriod;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public LocalDateTime next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    LocalDateTime result = next;
    next = null;
    return result;
  }

  private LocalDateTime advance() {
    while (true) {
      while (setPos < setSize) {
        long candidate = set[setPos++];
        step(1);
        if (candidate < startSeconds) {
          continue;
        }
        LocalDateTime local = LocalDateTime.ofEpochSecond(candidate, 0, ZoneOffset.UTC);
        if (pastUntil != null && pastUntil.test(local)) {
          return finish(false);
        }
        if (rule.count != null && emitted >= rule.count) {
          return finish(false);
        }
        emitted++;
        anchorDay = Math.floorDiv(candidate, DAY);
        return local;
      }
      if (!fillNextPeriod()) {
        return null;
      }
    }
  }

  private LocalDateTime finish(boolean byHorizon) {
    done = true;
    endedByHorizon = byHorizon;
    setSize = 0;
    return null;
  }

  /** Expands the next period with instances into {@link #set}; false when the series ended. */
  private boolean fillNextPeriod() {
    setSize = 0;
    setPos = 0;
    while (setSize == 0) {
      if (done) {
        return false;
      }
      step(1);
      long firstDay = periodFirstDay(period);
      if (firstDay == Long.MIN_VALUE || firstDay > LAST_DAY) {
        finish(false);
        return false;
      }
      if (firstDay > anchorDay + HORIZON_DAYS) {
        finish(true);
        return false;
      }
      if (rule.freq.finerThanDaily()) {
        expandFinePeriod();
      } else {
        expandCoarsePeriod(firstDay);
        period++;
      }
    }
    largestPeriod = Math.max(largestPeriod, rule.bySetPos == null ? setSize : setSize * times.length);
    if (rule.bySetPos != null) {
      applySetPos();
    }
    return true;
  }

  // ---- coarse periods: YEARLY, MONTHLY, WEEKLY, DAILY

  private void expandCoarsePeriod(long firstDay) {
    LocalDate first = LocalDate.ofEpochDay(firstDay);
    switch (rule.freq) {
      case YEARLY -> {
        int year = first.getYear();
        if (yearDayPos != null) {
          addYearDays(year);
        } else if (weekNoPos != null) {
          addWeekNoDays(year);
        } else if (numberedInYear && onlyNumberedDays && monthDayPos == null) {
          clearDays();
          addNumberedDays(firstDay, first.lengthOfYear());
          addCollectedDays();
        } else {
          for (int month = 1; month <= 12; month++) {
            if (months == null || months[month]) {
              addDaysOfMonth(year, month);
            }
          }
        }
      }
      case MONTHLY -> {
        if (months == null || months[first.getMonthValue()]) {
          addDaysOfMonth(first.getYear(), first.getMonthValue());
        }
      }
      case WEEKLY -> {
        for (int i = 0; i < 7; i++) {
          addDayIfMatching(firstDay + i);
        }
      }
      default -> {
        if (!addDayIfMatching(firstDay) && months != null && !months[first.getMonthValue()]) {
          // jump to the last period before the first day of the next month BYMONTH allows
          long target = nextAllowedMonthStart(first);
          long periods = Math.floorDiv(target - startDate.toEpochDay(), rule.interval);
          period = Math.max(period, periods - 1);
        }
      }
    }
  }

  private void addDaysOfMonth(int year, int month) {
    LocalDate first = LocalDate.of(year, month, 1);
    long firstDay = first.toEpochDay();
    int length = first.lengthOfMonth();
    if (monthDayPos != null) {
      // only the named days of the month can match: look at those alone
      for (int day = 1; day <= length; day++) {
        if (monthDayPos[day] || monthDayNeg[length - day + 1]) {
          addDayIfMatching(firstDay + day - 1);
        }
      }
      return;
    }
    if (onlyNumberedDays && !numberedInYear) {
      clearDays();
      addNumberedDays(firstDay, length);
      addCollectedDays();
      return;
    }
    for (int day = 0; day < length; day++) {
      addDayIfMatching(firstDay + day);
    }
  }

  /** BYYEARDAY names the only days of the year that can match. */
  private void addYearDays(int year) {
    LocalDate jan1 = LocalDate.of(year, 1, 1);
    int length = jan1.lengthOfYear();
    clearDays();
    for (int v : rule.byYearDay) {
      int day = v > 0 ? v : length + v + 1;
      if (day >= 1 && day <= length) {
        collectDay(jan1.toEpochDay() + day - 1);
      }
    }
    addCollectedDays();
  }

  /** BYWEEKNO names the only weeks that can match: those of this year's, last year's and next year's numbering that fall in this year. */
  private void addWeekNoDays(int year) {
    long jan1 = LocalDate.of(year, 1, 1).toEpochDay();
    long dec31 = LocalDate.of(year, 12, 31).toEpochDay();
    clearDays();
    for (int weekYear = year - 1; weekYear <= year + 1; weekYear++) {
      long week1 = week1Start(weekYear);
      int weeks = (int) ((week1Start(weekYear + 1) - week1) / 7);
      for (int v : rule.byWeekNo) {
        int week = v > 0 ? v : weeks + v + 1;
        if (week < 1 || week > weeks) {
          continue;
        }
        for (int i = 0; i < 7; i++) {
          long day = week1 + 7L * (week - 1) + i;
          if (day >= jan1 && day <= dec31) {
            collectDay(day);
          }
        }
      }
    }
    addCollectedDays();
  }

  /** Numbered BYDAY alone (1MO, -1FR) names the only days of the range that can match. */
  private void addNumberedDays(long rangeStart, int length) {
    int firstWeekday = LocalDate.ofEpochDay(rangeStart).getDayOfWeek().ordinal();
    int lastWeekday = (firstWeekday + length - 1) % 7;
    for (WeekdayNum d : rule.byDay) {
      int w = d.day().ordinal();
      long day;
      if (d.ordinal() > 0) {
        day = rangeStart + Math.floorMod(w - firstWeekday, 7) + 7L * (d.ordinal() - 1);
      } else {
        day = rangeStart + length - 1 - Math.floorMod(lastWeekday - w, 7) - 7L * (-d.ordinal() - 1);
      }
      if (day >= rangeStart && day < rangeStart + length) {
        collectDay(day);
      }
    }
  }

  private long[] days = new long[32];
  private int dayCount;

  private void clearDays() {
    dayCount = 0;
  }

  private void collectDay(long day) {
    step(1);
    if (dayCount == days.length) {
      days = Arrays.copyOf(days, days.length * 2);
    }
    days[dayCount++] = day;
  }

  private void addCollectedDays() {
    Arrays.sort(days, 0, dayCount);
    for (int i = 0; i < dayCount; i++) {
      if (i == 0 || days[i] != days[i - 1]) {
        addDayIfMatching(days[i]);
      }
    }
  }

  private boolean addDayIfMatching(long epochDay) {
    step(1);
    if (!dayMatches(epochDay)) {
      return false;
    }
    addInstancesFrom(epochDay * DAY);
    return true;
  }

  // ---- periods finer than a day: HOURLY, MINUTELY, SECONDLY

  private void expandFinePeriod() {
    long periodStart = base + period * periodSeconds;
    long day = Math.floorDiv(periodStart, DAY);
    int timeOfDay = (int) Math.floorMod(periodStart, DAY);
    if (!dayMatches(day)) {
      LocalDate date = LocalDate.ofEpochDay(day);
      long target = months != null && !months[date.getMonthValue()] ? nextAllowedMonthStart(date) : day + 1;
      jumpTo(target * DAY);
      return;
    }
    if (allowedPeriodStarts != null) {
      int at = Arrays.binarySearch(allowedPeriodStarts, timeOfDay);
      if (at < 0) {
        int insertion = -at - 1;
        long target = insertion < allowedPeriodStarts.length ? day * DAY + allowedPeriodStarts[insertion] : (day + 1) * DAY;
        jumpTo(target);
        return;
      }
    }
    addInstancesFrom(periodStart);
    period++;
  }

  /** Moves to the first period starting at or after {@code seconds} (always forward). */
  private void jumpTo(long seconds) {
    long target = -Math.floorDiv(-(seconds - base), periodSeconds); // ceiling division
    period = Math.max(period + 1, target);
  }

  private int[] allowedPeriodStarts(Freq freq) {
    boolean hourLimits = rule.byHour != null;
    boolean minuteLimits = freq.compareTo(Freq.MINUTELY) >= 0 && rule.byMinute != null;
    boolean secondLimits = freq == Freq.SECONDLY && rule.bySecond != null;
    if (!hourLimits && !minuteLimits && !secondLimits) {
      return null;
    }
    long step = Math.floorMod(periodSeconds, DAY) == 0 ? DAY : gcd(periodSeconds % DAY, DAY);
    int baseTime = (int) Math.floorMod(base, DAY);
    int unit = freq == Freq.HOURLY ? 3600 : freq == Freq.MINUTELY ? 60 : 1;
    int[] result = new int[(int) (DAY / unit)];
    int n = 0;
    for (int t = 0; t < DAY; t += unit) {
      int h = t / 3600;
      int m = t / 60 % 60;
      int s = t % 60;
      if ((!hourLimits || hours[h]) && (!minuteLimits || minutes[m]) && (!secondLimits || seconds[s])
          && Math.floorMod(t - baseTime, step) == 0) {
        result[n++] = t;
      }
    }
    return Arrays.copyOf(result, n);
  }

  // ---- days

  private boolean dayMatches(long epochDay) {
    if (!dayParts) {
      return true;
    }
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    if (months != null && !months[date.getMonthValue()]) {
      return false;
    }
    if (monthDayPos != null) {
      int day = date.getDayOfMonth();
      if (!monthDayPos[day] && !monthDayNeg[date.lengthOfMonth() - day + 1]) {
        return false;
      }
    }
    if (yearDayPos != null) {
      int day = date.getDayOfYear();
      if (!yearDayPos[day] && !yearDayNeg[date.lengthOfYear() - day + 1]) {
        return false;
      }
    }
    if (weekNoPos != null && !weekNoMatches(epochDay, date.getYear())) {
      return false;
    }
    if (plainDays != null) {
      int weekday = date.getDayOfWeek().ordinal();
      if (!plainDays[weekday]) {
        int index;
        int length;
        if (numberedInYear) {
          index = date.getDayOfYear() - 1;
          length = date.lengthOfYear();
        } else {
          index = date.getDayOfMonth() - 1;
          length = date.lengthOfMonth();
        }
        return numberedPos[weekday][index / 7 + 1] || numberedNeg[weekday][(length - 1 - index) / 7 + 1];
      }
    }
    return true;
  }

  /** Week numbers as RFC 5545 counts them: week 1 is the first WKST-started week with 4 days of the year. */
  private boolean weekNoMatches(long epochDay, int year) {
    int weekYear = year;
    long week1 = week1Start(year);
    if (epochDay < week1) {
      weekYear = year - 1;
      week1 = week1Start(weekYear);
    } else {
      long nextWeek1 = week1Start(year + 1);
      if (epochDay >= nextWeek1) {
        weekYear = year + 1;
        week1 = nextWeek1;
      }
    }
    int weeks = (int) ((week1Start(weekYear + 1) - week1) / 7);
    int week = (int) ((epochDay - week1) / 7) + 1;
    return weekNoPos[week] || weekNoNeg[weeks - week + 1];
  }

  private long week1Start(int year) {
    LocalDate jan4 = LocalDate.of(year, 1, 4);
    int back = Math.floorMod(jan4.getDayOfWeek().ordinal() - rule.wkst.ordinal(), 7);
    return jan4.toEpochDay() - back;
  }

  private long nextAllowedMonthStart(LocalDate date) {
    LocalDate month = date.withDayOfMonth(1);
    for (int i = 0; i < 12; i++) {
      month = month.plusMonths(1);
      if (months[month.getMonthValue()]) {
        return month.toEpochDay();
      }
    }
    return month.toEpochDay();
  }

  // ---- periods

  /** The first day of period {@code index}, or Long.MIN_VALUE past the year 9999. */
  private long periodFirstDay(long index) {
    long n = index;
    return switch (rule.freq) {
      case YEARLY -> {
        long year = startDate.getYear() + n * rule.interval;
        yield year > LAST_YEAR || n > LAST_YEAR ? Long.MIN_VALUE : LocalDate.of((int) year, 1, 1).toEpochDay();
      }
      case MONTHLY -> {
        long monthIndex = startDate.getYear() * 12L + startDate.getMonthValue() - 1 + n * rule.interval;
        yield n > LAST_YEAR * 12L || monthIndex / 12 > LAST_YEAR
            ? Long.MIN_VALUE
            : LocalDate.of((int) (monthIndex / 12), (int) (monthIndex % 12) + 1, 1).toEpochDay();
      }
      case WEEKLY -> n > 600_000 ? Long.MIN_VALUE : weekStart(startDate) + 7 * n * rule.interval;
      case DAILY -> n > 4_000_000 ? Long.MIN_VALUE : startDate.toEpochDay() + n * rule.interval;
      default -> n > 4_000_000_000_000L / Math.max(1, periodSeconds)
          ? Long.MIN_VALUE
          : Math.floorDiv(base + n * periodSeconds, DAY);
    };
  }

  /** The last period starting before {@code seconds} minus a day (offsets never exceed a day). */
  private long periodBefore(long seconds) {
    long target = seconds - DAY;
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(target, DAY));
    return switch (rule.freq) {
      case YEARLY -> Math.floorDiv(date.getYear() - startDate.getYear(), rule.interval);
      case MONTHLY -> Math.floorDiv(
          (date.getYear() * 12L + date.getMonthValue()) - (startDate.getYear() * 12L + startDate.getMonthValue()), rule.interval);
      case WEEKLY -> Math.floorDiv(date.toEpochDay() - weekStart(startDate), 7L * rule.interval);
      case DAILY -> Math.floorDiv(date.toEpochDay() - startDate.toEpochDay(), rule.interval);
      default -> Math.floorDiv(target - base, periodSeconds);
    };
  }

  private long weekStart(LocalDate date) {
    return date.toEpochDay() - Math.floorMod(date.getDayOfWeek().ordinal() - rule.wkst.ordinal(), 7);
  }

  // ---- the period's set

  private void add(long seconds) {
    step(1);
    if (setSize == set.length) {
      set = Arrays.copyOf(set, set.length * 2); // checkCost bounds a period's set
    }
    set[setSize++] = seconds;
  }

  /**
   * The instances of a day (coarse FREQ) or a period (finer): each of {@link #times} from {@code
   * start}. With BYSETPOS only the start is kept; {@link #applySetPos} picks positions by
   * arithmetic (position = day × times + time), so a year of hours costs its 366 days, not its
   * 8,784 instances.
   */
  private void addInstancesFrom(long start) {
    if (rule.bySetPos != null) {
      add(start);
      return;
    }
    for (int time : times) {
      add(start + time);
    }
  }

  private void applySetPos() {
    // set holds the period's sorted day (or period) starts; its instances are each of them + each time
    long total = (long) setSize * times.length;
    long[] picked = new long[rule.bySetPos.length];
    int n = 0;
    for (int pos : rule.bySetPos) {
      long index = pos > 0 ? pos - 1 : total + pos;
      if (index >= 0 && index < total) {
        picked[n++] = set[(int) (index / times.length)] + times[(int) (index % times.length)];
      }
    }
    Arrays.sort(picked, 0, n);
    if (n > set.length) {
      set = new long[n];
    }
    setSize = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || picked[i] != picked[i - 1]) {
        set[setSize++] = picked[i];
      }
    }
  }

  private void step(long n) {
    steps += n;
    if (steps > MAX_STEPS) {
      throw new InvalidRuleException(
          "is too expensive to expand: finding its occurrences takes more than "
              + String.format(java.util.Locale.ROOT, "%,d", MAX_STEPS) + " steps; use a coarser FREQ or fewer BYxxx values");
    }
  }

  // ---- helpers

  private static int[] combine(int[] hoursOf, int[] minutesOf, int[] secondsOf) {
    int[] h = hoursOf == null ? new int[] {0} : hoursOf;
    int[] m = minutesOf == null ? new int[] {0} : minutesOf;
    int[] s = secondsOf == null ? new int[] {0} : secondsOf;
    int[] result = new int[h.length * m.length * s.length];
    int n = 0;
    for (int hour : h) {
      for (int minute : m) {
        for (int second : s) {
          result[n++] = hour * 3600 + minute * 60 + second;
        }
      }
    }
    Arrays.sort(result);
    return result;
  }

  private static boolean[] table(int[] values, int size) {
    if (values == null) {
      return null;
    }
    boolean[] table = new boolean[size];
    for (int v : values) {
      if (v >= 0 && v < size) {
        table[v] = true;
      }
    }
    return table;
  }

  private static boolean[] positives(int[] values, int size) {
    if (values == null) {
      return null;
    }
    boolean[] table = new boolean[size];
    for (int v : values) {
      if (v > 0) {
        table[v] = true;
      }
    }
    return table;
  }

  private static boolean[] negatives(int[] values, int size) {
    if (values == null) {
      return null;
    }
    boolean[] table = new boolean[size + 1];
    for (int v : values) {
      if (v < 0) {
        table[-v] = true;
      }
    }
    return table;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? Math.abs(a) : gcd(b, a % b);
  }
}
