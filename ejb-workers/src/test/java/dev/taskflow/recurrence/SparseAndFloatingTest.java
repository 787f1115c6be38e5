package dev.taskflow.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules lib-recur refused or got wrong, with the answers python-dateutil gives. */
class SparseAndFloatingTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static List<String> first(String rule, String start, ZoneId zone, int count) {
    return Recurrence.parse(rule).first(LocalDateTime.parse(start), zone, count).stream()
        .map(o -> o.toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
        .toList();
  }

  @Test
  void leapDaysAtDailyFrequency() {
    assertThat(first("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29", "2026-01-01T09:00:00", UTC, 3))
        .containsExactly("2028-02-29T09:00:00", "2032-02-29T09:00:00", "2036-02-29T09:00:00");
  }

  @Test
  void aLeapDayOnAMondayIsDecadesApart() {
    assertThat(first("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO", "2026-01-01T09:00:00", UTC, 3))
        .containsExactly("2044-02-29T09:00:00", "2072-02-29T09:00:00", "2112-02-29T09:00:00");
  }

  @Test
  void hourlyOnFewDaysOfTheYear() {
    assertThat(first("FREQ=HOURLY;BYMONTH=4,7;BYYEARDAY=1,100,200,365", "2026-01-01T00:00:00", UTC, 3))
        .containsExactly("2026-04-10T00:00:00", "2026-04-10T01:00:00", "2026-04-10T02:00:00");
  }

  @Test
  void minutelyInTwoMonthsFromAMonthOutsideThem() {
    assertThat(first("FREQ=MINUTELY;BYMONTH=1,3", "2026-02-01T10:00:00", UTC, 2))
        .containsExactly("2026-03-01T00:00:00", "2026-03-01T00:01:00");
  }

  @Test
  void week53OnlyInYearsThatHaveIt() {
    assertThat(first("FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO", "2020-01-01T09:00:00", UTC, 4))
        .containsExactly("2020-12-28T09:00:00", "2026-12-28T09:00:00", "2032-12-27T09:00:00", "2037-12-28T09:00:00");
  }

  @Test
  void negativeYearDayAtHourlyFrequency() {
    assertThat(first("FREQ=HOURLY;BYYEARDAY=-1;BYHOUR=9", "2026-01-01T00:00:00", UTC, 3))
        .containsExactly("2026-12-31T09:00:00", "2027-12-31T09:00:00", "2028-12-31T09:00:00");
  }

  @Test
  void bySetPosAtWeeklyCountsTheWholeWeekAsTheRfcSays() {
    // the week of Wednesday 26 January 2000 starts on Saturday 22 (WKST=SA): its first instance is
    // Sunday 23, before the start, so the first occurrence is the next week's Sunday. python-dateutil
    // counts the first week from the start's day and answers 26 January.
    assertThat(first("FREQ=WEEKLY;COUNT=2;BYDAY=MO,SU,WE;BYSETPOS=1;WKST=SA", "2000-01-26T17:15:30", UTC, 3))
        .containsExactly("2000-01-30T17:15:30", "2000-02-06T17:15:30");
  }

  @Test
  void aFloatingUntilIsAWallClockTimeInTheSeriesZone() {
    // what Outlook and Google exports write: UNTIL without Z for a zoned start
    assertThat(first("FREQ=DAILY;UNTIL=19970905T090000", "1997-09-02T09:00:00", ZoneId.of("America/New_York"), 10))
        .containsExactly("1997-09-02T09:00:00", "1997-09-03T09:00:00", "1997-09-04T09:00:00", "1997-09-05T09:00:00");
    assertThat(first("FREQ=DAILY;UNTIL=19970905T080000", "1997-09-02T09:00:00", ZoneId.of("America/New_York"), 10))
        .hasSize(3);
  }

  @Test
  void aUtcUntilIsAnInstant() {
    // 1997-09-05T13:00Z is 09:00 in New York: included; 12:59Z is not
    assertThat(first("FREQ=DAILY;UNTIL=19970905T130000Z", "1997-09-02T09:00:00", ZoneId.of("America/New_York"), 10)).hasSize(4);
    assertThat(first("FREQ=DAILY;UNTIL=19970905T125959Z", "1997-09-02T09:00:00", ZoneId.of("America/New_York"), 10)).hasSize(3);
  }

  @Test
  void aDateUntilIncludesItsWholeDay() {
    assertThat(first("FREQ=DAILY;UNTIL=20261231", "2026-12-29T18:00:00", BERLIN, 10))
        .containsExactly("2026-12-29T18:00:00", "2026-12-30T18:00:00", "2026-12-31T18:00:00");
  }

  @Test
  void aTaskSeriesWithAFloatingUntilIsAccepted() {
    Instant due = ZonedDateTime.of(LocalDateTime.parse("2026-12-01T09:00"), BERLIN).toInstant();
    assertThat(RecurrenceRules.problemForSeries("FREQ=DAILY;UNTIL=20261231T090000", due, BERLIN)).isEmpty();
    assertThat(RecurrenceRules.problemForSeries("FREQ=DAILY;UNTIL=20261231", due, BERLIN)).isEmpty();
    assertThat(RecurrenceRules.problemForSeries("FREQ=DAILY;UNTIL=20261130", due, BERLIN)).isPresent();
  }
}
