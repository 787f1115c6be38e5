package dev.taskflow.recurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskflow.task.RepeatFrom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NextOccurrenceTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static Instant berlin(String local) {
    return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
  }

  private static Optional<Instant> next(String rule, String seriesStart, String due, String completedAt, String now, RepeatFrom from, int index) {
    return NextOccurrence.of(
        new NextOccurrence.Completed(rule, BERLIN, berlin(seriesStart), berlin(due), berlin(completedAt), from, index), berlin(now));
  }

  private static Optional<Instant> due(String rule, String seriesStart, String due, String now) {
    return next(rule, seriesStart, due, now, now, RepeatFrom.DUE, 1);
  }

  @Test
  void dailyCompletedOnTimeIsTomorrowAtTheSameTime() {
    assertThat(due("FREQ=DAILY", "2026-12-01T09:00", "2026-12-01T09:00", "2026-12-01T10:00")).contains(berlin("2026-12-02T09:00"));
  }

  @Test
  void dailyKeepsTheWallClockAcrossTheSpringChangeInBerlin() {
    Optional<Instant> next = due("FREQ=DAILY", "2026-03-28T09:00", "2026-03-28T09:00", "2026-03-28T09:30");

    assertThat(next).contains(Instant.parse("2026-03-29T07:00:00Z")); // 09:00 CEST, the day clocks go forward
    assertThat(berlin("2026-03-28T09:00")).isEqualTo(Instant.parse("2026-03-28T08:00:00Z"));
  }

  @Test
  void dailyKeepsTheWallClockAcrossTheAutumnChange() {
    assertThat(due("FREQ=DAILY", "2026-10-24T09:00", "2026-10-24T09:00", "2026-10-24T12:00")).contains(Instant.parse("2026-10-25T08:00:00Z"));
  }

  @Test
  void anOverdueTaskGetsASuccessorInTheFuture() {
    Optional<Instant> next = due("FREQ=DAILY", "2026-12-01T09:00", "2026-12-01T09:00", "2026-12-06T12:00");

    assertThat(next).contains(berlin("2026-12-07T09:00"));
  }

  @Test
  void countEndsTheSeriesAndSkippedOccurrencesCount() {
    String rule = "FREQ=DAILY;COUNT=3";
    assertThat(due(rule, "2026-12-01T09:00", "2026-12-02T09:00", "2026-12-02T10:00")).contains(berlin("2026-12-03T09:00"));
    assertThat(due(rule, "2026-12-01T09:00", "2026-12-03T09:00", "2026-12-03T10:00")).isEmpty();
    assertThat(due(rule, "2026-12-01T09:00", "2026-12-01T09:00", "2026-12-05T10:00")).as("missed ones count").isEmpty();
  }

  @Test
  void untilEndsTheSeries() {
    String rule = "FREQ=WEEKLY;UNTIL=20261215T000000Z";
    assertThat(due(rule, "2026-12-01T09:00", "2026-12-01T09:00", "2026-12-01T10:00")).contains(berlin("2026-12-08T09:00"));
    assertThat(due(rule, "2026-12-01T09:00", "2026-12-08T09:00", "2026-12-08T10:00")).isEmpty();
  }

  @Test
  void bySetPosAndCountStayRightForLaterOccurrencesBecauseTheSeriesStartIsKept() {
    String lastWorkday = "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=3";
    assertThat(due(lastWorkday, "2026-10-30T17:00", "2026-11-30T17:00", "2026-11-30T18:00")).contains(berlin("2026-12-31T17:00"));
    assertThat(due(lastWorkday, "2026-10-30T17:00", "2026-12-31T17:00", "2026-12-31T18:00")).isEmpty();
  }

  @Test
  void lastFridayOfTheMonthAndMonthEnds() {
    assertThat(due("FREQ=MONTHLY;BYDAY=-1FR", "2026-01-30T09:00", "2026-01-30T09:00", "2026-01-30T10:00")).contains(berlin("2026-02-27T09:00"));
    // the 31st only exists in some months: RFC 5545 skips the others
    assertThat(due("FREQ=MONTHLY;BYMONTHDAY=31", "2026-01-31T09:00", "2026-01-31T09:00", "2026-01-31T10:00")).contains(berlin("2026-03-31T09:00"));
    assertThat(due("FREQ=MONTHLY;BYMONTHDAY=-1", "2026-01-31T09:00", "2026-01-31T09:00", "2026-01-31T10:00")).contains(berlin("2026-02-28T09:00"));
  }

  @Test
  void leapDaysRecurEveryFourYears() {
    assertThat(due("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2024-02-29T09:00", "2024-02-29T09:00", "2024-02-29T10:00")).contains(berlin("2028-02-29T09:00"));
  }

  @Test
  void everyOtherWeekWithWeekStartSunday() {
    // RFC 5545: WKST changes which weeks "every other" picks
    Recurrence monday = Recurrence.parse("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO");
    Recurrence sunday = Recurrence.parse("FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU");
    LocalDateTime start = LocalDateTime.parse("1997-08-05T09:00");

    assertThat(monday.first(start, NEW_YORK, 10)).extracting(z -> z.toLocalDate().getDayOfMonth()).containsExactly(5, 10, 19, 24);
    assertThat(sunday.first(start, NEW_YORK, 10)).extracting(z -> z.toLocalDate().getDayOfMonth()).containsExactly(5, 17, 19, 31);
  }

  @Test
  void repeatFromCompletionRestartsTheRuleOnTheCompletionDay() {
    String everyThreeDays = "FREQ=DAILY;INTERVAL=3";
    assertThat(next(everyThreeDays, "2026-12-01T09:00", "2026-12-01T09:00", "2026-12-05T15:00", "2026-12-05T15:00", RepeatFrom.COMPLETION, 1))
        .contains(berlin("2026-12-08T09:00"));
    assertThat(next(everyThreeDays, "2026-12-01T09:00", "2026-12-01T09:00", "2026-12-05T07:00", "2026-12-05T07:00", RepeatFrom.COMPLETION, 1))
        .contains(berlin("2026-12-08T09:00"));
  }

  @Test
  void repeatFromCompletionCountsTheTasksOfTheSeries() {
    String rule = "FREQ=WEEKLY;COUNT=2";
    assertThat(next(rule, "2026-12-01T09:00", "2026-12-01T09:00", "2026-12-03T12:00", "2026-12-03T12:00", RepeatFrom.COMPLETION, 1))
        .contains(berlin("2026-12-10T09:00"));
    assertThat(next(rule, "2026-12-01T09:00", "2026-12-10T09:00", "2026-12-10T12:00", "2026-12-10T12:00", RepeatFrom.COMPLETION, 2)).isEmpty();
  }

  @Test
  void aWallClockTimeThatDoesNotExistMovesForwardByTheGap() {
    List<ZonedDateTime> days = Recurrence.parse("FREQ=DAILY;COUNT=3").first(LocalDateTime.parse("2026-03-28T02:30"), BERLIN, 3);

    assertThat(days.get(1).toLocalTime()).hasToString("03:30"); // 02:30 does not exist on 29 March
    assertThat(days.get(2).toLocalTime()).hasToString("02:30");
  }

  @Test
  void aRuleThatNeverOccursIsAClearErrorNotAHang() {
    assertThatThrownBy(() -> Recurrence.parse("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30").first(LocalDateTime.parse("2026-01-01T09:00"), BERLIN, 5))
        .isInstanceOf(InvalidRuleException.class);
  }

  @Test
  void aSeriesRuleMustRepeatAfterTheDueDate() {
    Instant due = berlin("2026-12-01T09:00");
    assertThat(RecurrenceRules.problemForSeries("FREQ=DAILY", due, BERLIN)).isEmpty();
    assertThat(RecurrenceRules.problemForSeries("FREQ=DAILY;COUNT=1", due, BERLIN)).isPresent();
    assertThat(RecurrenceRules.problemForSeries("FREQ=DAILY;UNTIL=20261130T000000Z", due, BERLIN)).isPresent();
    assertThat(RecurrenceRules.problemForSeries("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", due, BERLIN)).isPresent();
  }

  @Test
  void aLongOverdueDenseSeriesIsCheapAndKeepsItsAlignment() {
    // hourly every 7 hours since 2010: ~20,000 occurrences to skip, fast-forwarded
    Optional<Instant> next = due("FREQ=HOURLY;INTERVAL=7", "2010-01-01T09:00", "2010-01-01T09:00", "2026-11-27T10:00");

    assertThat(next).contains(berlin("2026-11-27T16:00"));
    Optional<Instant> minutes = due("FREQ=HOURLY;BYMINUTE=0,10,20,30,40,50", "2020-01-01T09:00", "2020-01-01T09:00", "2026-11-27T10:05");
    assertThat(minutes).contains(berlin("2026-11-27T10:10"));
  }

  @Test
  void countStillCountsFromTheSeriesStartWhenFastForwarding() {
    assertThat(due("FREQ=DAILY;COUNT=5", "2026-01-01T09:00", "2026-01-01T09:00", "2026-01-03T10:00")).contains(berlin("2026-01-04T09:00"));
    assertThat(due("FREQ=DAILY;COUNT=5", "2026-01-01T09:00", "2026-01-01T09:00", "2026-01-05T10:00")).isEmpty();
  }
}
