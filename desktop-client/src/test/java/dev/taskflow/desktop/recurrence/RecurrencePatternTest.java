package dev.taskflow.desktop.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskflow.desktop.recurrence.RecurrencePattern.Kind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RecurrencePatternTest {

  static final LocalDate FRIDAY_27 = LocalDate.of(2026, 11, 27); // the last Friday of November

  @Test
  void eachChoiceWritesItsRule() {
    assertThat(RecurrencePattern.none().toRule()).isNull();
    assertThat(RecurrencePattern.defaults(Kind.DAILY, FRIDAY_27).toRule()).isEqualTo("FREQ=DAILY");
    assertThat(RecurrencePattern.defaults(Kind.WEEKDAYS, FRIDAY_27).toRule())
        .isEqualTo("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    assertThat(RecurrencePattern.defaults(Kind.WEEKLY, FRIDAY_27).toRule()).isEqualTo("FREQ=WEEKLY;BYDAY=FR");
    assertThat(RecurrencePattern.defaults(Kind.MONTHLY_BY_DAY, FRIDAY_27).toRule())
        .isEqualTo("FREQ=MONTHLY;BYMONTHDAY=27");
    assertThat(RecurrencePattern.defaults(Kind.MONTHLY_BY_WEEKDAY, FRIDAY_27).toRule())
        .isEqualTo("FREQ=MONTHLY;BYDAY=-1FR");
    assertThat(RecurrencePattern.defaults(Kind.MONTHLY_BY_WEEKDAY, LocalDate.of(2026, 11, 10)).toRule())
        .isEqualTo("FREQ=MONTHLY;BYDAY=2TU");
    assertThat(RecurrencePattern.defaults(Kind.YEARLY, FRIDAY_27).toRule()).isEqualTo("FREQ=YEARLY");
  }

  @Test
  void intervalsAndSeveralDays() {
    RecurrencePattern pattern = new RecurrencePattern(Kind.WEEKLY, 2,
        Set.of(DayOfWeek.WEDNESDAY, DayOfWeek.MONDAY), 1, 1, DayOfWeek.MONDAY, "");
    assertThat(pattern.toRule()).isEqualTo("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE");
    assertThat(pattern.describe()).isEqualTo("Every 2 weeks on Mon, Wed");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "FREQ=DAILY|DAILY|Daily",
      "FREQ=DAILY;INTERVAL=3|DAILY|Every 3 days",
      "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR|WEEKDAYS|Every weekday",
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH|WEEKLY|Every 2 weeks on Tue, Thu",
      "FREQ=MONTHLY;BYMONTHDAY=-1|MONTHLY_BY_DAY|Monthly on the last day",
      "FREQ=MONTHLY;BYDAY=-1FR|MONTHLY_BY_WEEKDAY|Monthly on the last Friday",
      "freq=monthly;byday=1mo|MONTHLY_BY_WEEKDAY|Monthly on the first Monday",
      "FREQ=YEARLY|YEARLY|Yearly"})
  void readsTheRulesItCanShowAndWritesThemBack(String rule, Kind kind, String description) {
    RecurrencePattern pattern = RecurrencePattern.parse(rule, FRIDAY_27);
    assertThat(pattern.kind()).isEqualTo(kind);
    assertThat(pattern.describe()).isEqualTo(description);
    assertThat(pattern.toRule()).isEqualToIgnoringCase(rule);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
      "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
      "FREQ=DAILY;COUNT=5",
      "FREQ=WEEKLY;UNTIL=20270101T000000Z",
      "FREQ=HOURLY",
      "FREQ=MONTHLY;BYDAY=5FR",
      "nonsense"})
  void keepsEveryOtherRuleVerbatimAsCustom(String rule) {
    RecurrencePattern pattern = RecurrencePattern.parse(rule, FRIDAY_27);
    assertThat(pattern.kind()).isEqualTo(Kind.CUSTOM);
    assertThat(pattern.toRule()).isEqualTo(rule);
  }

  @Test
  void aCustomRuleLosesAnRrulePrefix() {
    RecurrencePattern pattern = new RecurrencePattern(Kind.CUSTOM, 1, Set.of(), 1, 1, DayOfWeek.MONDAY,
        " RRULE:FREQ=DAILY;COUNT=3 ");
    assertThat(pattern.toRule()).isEqualTo("FREQ=DAILY;COUNT=3");
  }
}
