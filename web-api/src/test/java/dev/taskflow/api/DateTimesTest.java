package dev.taskflow.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTimesTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static Instant at(String text, ZoneId zone, boolean given) throws DateTimes.Invalid {
    return DateTimes.parse(text, zone, given).toInstant();
  }

  @ParameterizedTest
  @CsvSource({
    "2030-01-05T09:00:00, 2030-01-05T08:00:00Z",
    "2030-01-05T09:00, 2030-01-05T08:00:00Z",
    "2030-01-05t09:00:00.5, 2030-01-05T08:00:00.500Z",
    "2030-01-05T09:00:00+01:00, 2030-01-05T08:00:00Z",
    "2030-01-05T08:00:00Z, 2030-01-05T08:00:00Z",
    "2030-07-05T09:00:00+02:00, 2030-07-05T07:00:00Z",
    // the spring gap moves forward by its length; the autumn overlap takes the earlier offset
    "2030-03-31T02:30:00, 2030-03-31T01:30:00Z",
    "2030-10-27T02:30:00, 2030-10-27T00:30:00Z",
    "2030-10-27T02:30:00+01:00, 2030-10-27T01:30:00Z",
  })
  void formsPeopleWriteInBerlin(String text, String expected) throws Exception {
    assertThat(at(text, BERLIN, true)).isEqualTo(Instant.parse(expected));
  }

  @Test
  void anOffsetMustBeTheZonesUnlessTheZoneIsOnlyTheDefault() throws Exception {
    assertThatThrownBy(() -> at("2030-01-05T09:00:00+01:00", NEW_YORK, true))
        .hasMessage("has the offset +01:00, but America/New_York is at -05:00 then (timeZone); write the local time"
            + " without an offset (2030-01-05T09:00:00), or the moment in UTC with Z");
    assertThat(at("2030-01-05T09:00:00+01:00", ZoneId.of("UTC"), false)).isEqualTo(Instant.parse("2030-01-05T08:00:00Z"));
    assertThatThrownBy(() -> at("2030-01-05T09:00:00+01:00", ZoneId.of("UTC"), true)).hasMessageContaining("UTC is at Z");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "2026-02-30T09:00:00Z | has the date 2026-02-30, which does not exist: February 2026 has 28 days",
    "2028-02-30T09:00:00 | has the date 2028-02-30, which does not exist: February 2028 has 29 days",
    "2030-04-31T09:00:00 | has the date 2030-04-31, which does not exist: April 2030 has 30 days",
    "2030-13-01T09:00:00 | has the date 2030-13-01, which does not exist: there is no month 13",
    "2030-01-05T24:00:00 | has the time 24:00:00, which is not a time of day (00:00:00 to 23:59:59)",
    "2030-01-05T23:59:60Z | has the time 23:59:60, which is not a time of day (00:00:00 to 23:59:59)",
    "2030-01-05T09:00:00+19:00 | has the offset +19:00, which is not an offset (-18:00 to +18:00)",
    "2030-01-05 | must have a time of day here, e.g. 2030-01-05T09:00:00",
  })
  void whatIsWrongIsSaidInWords(String text, String message) {
    assertThatThrownBy(() -> DateTimes.parse(text, BERLIN, true)).isInstanceOf(DateTimes.Invalid.class).hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource({"next friday", "2030-1-5T09:00:00", "2030-01-05 09:00:00", "20300105T090000Z", "2030-01-05T09:00:00+0100", "''"})
  void otherShapesAreNotDateTimes(String text) {
    assertThatThrownBy(() -> DateTimes.parse(text, BERLIN, true)).hasMessageStartingWith("must be an RFC 3339 timestamp");
  }

  @Test
  void theLocalTimeOfAPreviewStartIsKeptAsWrittenEvenInAGap() throws Exception {
    assertThat(DateTimes.local("2030-03-31T02:30:00", BERLIN, true)).isEqualTo(LocalDateTime.parse("2030-03-31T02:30:00"));
    assertThat(DateTimes.local("2030-01-05T08:00:00Z", BERLIN, true)).isEqualTo(LocalDateTime.parse("2030-01-05T09:00:00"));
  }

  @Test
  void withoutAValidZoneALocalTimeIsLeftToTheZonesError() throws Exception {
    assertThat(DateTimes.parse("2030-01-05T09:00:00", null, true)).isNull();
    assertThat(DateTimes.parse("2030-01-05T09:00:00Z", null, true).toInstant()).isEqualTo(Instant.parse("2030-01-05T09:00:00Z"));
  }

  @Test
  void aDateAloneIsADay() throws Exception {
    assertThat(DateTimes.day("2030-01-05")).isEqualTo(java.time.LocalDate.parse("2030-01-05"));
    assertThat(DateTimes.day("2030-01-05T09:00:00")).isNull();
    assertThatThrownBy(() -> DateTimes.day("2030-02-29")).hasMessageContaining("February 2030 has 28 days");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"FREQ=DAILY;BYHOUR=9 | BYHOUR=9", "FREQ=HOURLY | FREQ=HOURLY",
      "freq=weekly;byminute=0 | BYMINUTE=0", "FREQ=DAILY;BYSECOND=1 | BYSECOND=1"})
  void anAllDaySeriesHasNoTimeOfDay(String rule, String part) {
    assertThat(DateTimes.timeOfDayIn(rule)).isEqualTo(part);
  }

  @Test
  void dailyAndCoarserRulesAreDays() {
    assertThat(DateTimes.timeOfDayIn("FREQ=WEEKLY;BYDAY=MO,WE;INTERVAL=2")).isNull();
    assertThat(DateTimes.timeOfDayIn("FREQ=MONTHLY;BYDAY=-1FR")).isNull();
  }
}
