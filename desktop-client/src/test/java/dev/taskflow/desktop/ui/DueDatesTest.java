package dev.taskflow.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DueDatesTest {

  final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneId.of("Europe/Berlin"));

  @Test
  void readsLikeACalendar() {
    assertThat(DueDates.describe((Instant) null, clock)).isEqualTo("No due date");
    assertThat(DueDates.describe(Instant.parse("2026-11-27T13:00:00Z"), clock)).isEqualTo("Today 14:00");
    assertThat(DueDates.describe(Instant.parse("2026-11-28T08:00:00Z"), clock)).isEqualTo("Tomorrow 09:00");
    assertThat(DueDates.describe(Instant.parse("2026-12-07T08:00:00Z"), clock)).isEqualTo("Mon 7 Dec 09:00");
    assertThat(DueDates.describe(Instant.parse("2027-01-04T08:00:00Z"), clock)).isEqualTo("Mon 4 Jan 2027 09:00");
  }

  @Test
  void saysWhenItIsOverdue() {
    assertThat(DueDates.describe(Instant.parse("2026-11-27T09:00:00Z"), clock)).isEqualTo("Overdue · Today 10:00");
    assertThat(DueDates.describe(Instant.parse("2026-11-26T09:00:00Z"), clock))
        .isEqualTo("Overdue · Yesterday 10:00");
  }

  @Test
  void anAllDayTaskReadsAsItsDayWithoutATime() {
    assertThat(DueDates.describeDay(java.time.LocalDate.parse("2026-11-27"), clock)).isEqualTo("Today · all day");
    assertThat(DueDates.describeDay(java.time.LocalDate.parse("2026-11-28"), clock)).isEqualTo("Tomorrow · all day");
    assertThat(DueDates.describeDay(java.time.LocalDate.parse("2026-12-07"), clock)).isEqualTo("Mon 7 Dec · all day");
    assertThat(DueDates.describeDay(java.time.LocalDate.parse("2026-11-26"), clock))
        .isEqualTo("Overdue · Yesterday · all day");
  }

  @Test
  void anAllDayTaskIsDueOnItsOwnDayWhereverTheDesktopIs() {
    // due on 2026-11-28 in Tokyo (from 2026-11-27T15:00Z); the desktop is in Berlin
    var task = dev.taskflow.desktop.task.TaskJson.task(jakarta.json.Json.createReader(new java.io.StringReader(
        "{\"id\": 1, \"title\": \"t\", \"dueDate\": \"2026-11-28\", \"timeZone\": \"Asia/Tokyo\"}")).readObject());

    assertThat(task.allDay()).isTrue();
    assertThat(task.dueDate()).isEqualTo(Instant.parse("2026-11-27T15:00:00Z"));
    assertThat(DueDates.describe(task, clock)).isEqualTo("Tomorrow · all day");
    assertThat(task.isOverdue(Instant.parse("2026-11-28T14:59:00Z"))).as("not before its day ends").isFalse();
    assertThat(task.isOverdue(Instant.parse("2026-11-28T15:01:00Z"))).isTrue();
  }
}
