package dev.taskflow.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecurrenceRulesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "FREQ=DAILY",
        "FREQ=WEEKLY;BYDAY=MO,WE,FR",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=MONTHLY;INTERVAL=3",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=DAILY;COUNT=10",
        "FREQ=DAILY;UNTIL=20271231T235959Z",
        "FREQ=HOURLY;INTERVAL=4",
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
      })
  void acceptsRulesTasksUse(String rule) {
    assertThat(RecurrenceRules.problemForTask(rule)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "FREQ=DAILY;COUNT=3;UNTIL=20270101T000000Z",
        "FREQ=YEARLY;BYMONTH=13",
        "FREQ=DAILY;INTERVAL=0",
        "FREQ=DAILY;BYDAY=1MO",
        "FREQ=WEEKLY;BYDAY=-1FR",
        "FREQ=MONTHLY;BYWEEKNO=1",
        "FREQ=FORTNIGHTLY",
        "every tuesday",
        "RRULE:FREQ=DAILY",
        "FREQ=MINUTELY",
        "FREQ=SECONDLY;INTERVAL=30",
        "FREQ=DAILY;BYHOUR=9;BYMINUTE=0,30",
        "FREQ=HOURLY;BYSECOND=0,30",
        "",
        "   "
      })
  void rejectsWhatTheRfcForbidsOrTasksCannotUse(String rule) {
    assertThat(RecurrenceRules.problemForTask(rule)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(ints = {501, 10_240})
  void rejectsHugeRulesWithoutParsingThem(int length) {
    assertThat(RecurrenceRules.problemForTask("FREQ=DAILY;" + "X".repeat(length)))
        .hasValueSatisfying(message -> assertThat(message).contains("at most"));
  }
}
