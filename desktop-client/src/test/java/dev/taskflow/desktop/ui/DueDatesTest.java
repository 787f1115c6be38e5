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
    assertThat(DueDates.describe(null, clock)).isEqualTo("No due date");
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
}
