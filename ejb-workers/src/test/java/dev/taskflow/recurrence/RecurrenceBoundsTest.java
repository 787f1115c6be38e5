package dev.taskflow.recurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No rule can cost more than a bounded number of steps or hold more than a bounded set, whatever it
 * says: asserted by construction (the counters the expansion keeps), not by timing.
 */
class RecurrenceBoundsTest {

  private static final LocalDateTime START = LocalDateTime.parse("2026-01-05T09:00:00");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  static String list(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(Integer::toString).collect(Collectors.joining(","));
  }

  /** The rule: a whole year of seconds (31.6 million instances) in one period. */
  static final String EXPLOSIVE =
      "FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=" + list(0, 23) + ";BYMINUTE=" + list(0, 59)
          + ";BYSECOND=" + list(0, 59) + ";BYSETPOS=-1";

  @Test
  void theRuleThatCrashedTheServerIsRefusedBeforeExpansionNamingThePart() {
    assertThat(EXPLOSIVE).hasSizeLessThan(Recurrence.MAX_LENGTH);
    assertThatThrownBy(() -> Recurrence.parse(EXPLOSIVE))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining("BYMINUTE")
        .hasMessageContaining("FREQ=YEARLY")
        .hasMessageContaining("10,000");
  }

  static Stream<String> oversizedPeriods() {
    return Stream.of(
        "FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=" + list(0, 23) + ";BYMINUTE=0,30", // 366 × 24 × 2
        "FREQ=MONTHLY;BYMONTHDAY=" + list(1, 31) + ";BYHOUR=" + list(0, 23) + ";BYMINUTE=" + list(0, 14), // 31 × 24 × 15
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=" + list(0, 23) + ";BYMINUTE=" + list(0, 59), // 7 × 24 × 60
        "FREQ=DAILY;BYHOUR=" + list(0, 23) + ";BYMINUTE=" + list(0, 59) + ";BYSECOND=" + list(0, 9)); // 24 × 60 × 10
    // HOURLY and finer cannot exceed the limit: at most 60 × 60 = 3,600 instances per hour
  }

  @ParameterizedTest
  @MethodSource("oversizedPeriods")
  void everyFreqRefusesPeriodsLargerThanTheLimit(String rule) {
    assertThatThrownBy(() -> Recurrence.parse(rule)).isInstanceOf(InvalidRuleException.class).hasMessageContaining("too expensive");
  }

  @Test
  void theLargestAllowedPeriodStaysWithinTheLimit() {
    // a year of hours: 8,784 instances in a leap year, under the limit, BYSETPOS picks the last
    String rule = "FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=" + list(0, 23) + ";BYSETPOS=-1";
    Expansion expansion = expansion(rule, LocalDateTime.parse("2028-01-01T00:00:00"));
    assertThat(expansion.next()).isEqualTo(LocalDateTime.parse("2028-12-31T23:00:00"));
    assertThat(expansion.largestPeriod()).isEqualTo(8784).isLessThanOrEqualTo(Expansion.MAX_PER_PERIOD);
    assertThat(expansion.steps()).isLessThan(Expansion.MAX_STEPS);
  }

  @Test
  void aRuleThatNeverReachesItsTimesIsRefusedAtOnce() {
    // every second second from an even second never lands on second 1
    assertThatThrownBy(() -> Recurrence.parse("FREQ=SECONDLY;INTERVAL=2;BYSECOND=1").first(START, BERLIN, 3))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining("never");
  }

  @Test
  void bySetPosBeyondTheLargestPeriodIsRefusedAtOnce() {
    // a SECONDLY period holds one instance: there is no second-to-last
    assertThatThrownBy(() -> Recurrence.parse("FREQ=SECONDLY;BYDAY=MO;BYSETPOS=-2").first(START, BERLIN, 3))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining("BYSETPOS");
  }

  @Test
  void aRuleThatNeverOccursEndsAt400YearsWithinTheBudget() {
    Expansion expansion = expansion("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", START);
    assertThat(expansion.hasNext()).isFalse();
    assertThat(expansion.endedByHorizon()).isTrue();
    assertThat(expansion.steps()).isLessThan(Expansion.MAX_STEPS / 10);
    assertThatThrownBy(() -> Recurrence.parse("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30").first(START, BERLIN, 5))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining("never occurs");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "FREQ=SECONDLY;BYYEARDAY=366;BYHOUR=23;BYMINUTE=59;BYSECOND=59",
        "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO",
        "FREQ=MINUTELY;INTERVAL=7;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;BYHOUR=5;BYMINUTE=3",
        "FREQ=HOURLY;INTERVAL=5;BYWEEKNO=53",
        "FREQ=YEARLY;BYWEEKNO=53;BYYEARDAY=-1;BYDAY=SU",
        "FREQ=SECONDLY;INTERVAL=59;BYSECOND=58;BYMINUTE=58;BYHOUR=23;BYMONTHDAY=-1;BYMONTH=12"
      })
  void sparseAndHostileRulesStayWithinTheStepBudget(String text) {
    ParsedRule rule;
    try {
      rule = ParsedRule.parse(text);
      Expansion.checkCost(rule);
    } catch (InvalidRuleException e) {
      return; // refused before expansion: also bounded
    }
    Expansion expansion;
    try {
      expansion = new Expansion(rule, START, null, null);
      for (int i = 0; i < 1000 && expansion.hasNext(); i++) {
        expansion.next();
      }
    } catch (InvalidRuleException e) {
      assertThat(e.getMessage()).containsAnyOf("too expensive", "never");
      return;
    }
    assertThat(expansion.steps()).isLessThanOrEqualTo(Expansion.MAX_STEPS);
    assertThat(expansion.largestPeriod()).isLessThanOrEqualTo(Expansion.MAX_PER_PERIOD);
  }

  @Test
  void everyExpansionEndsAtTheStepBudget() {
    // a task series counted from a long-ago start (COUNT forbids skipping ahead) walks every
    // occurrence; the budget, not the heap or the clock, ends the walk
    Expansion expansion = expansion("FREQ=SECONDLY;COUNT=100000000", START);
    long walked = 0;
    InvalidRuleException refused = null;
    try {
      while (expansion.hasNext()) {
        expansion.next();
        walked++;
      }
    } catch (InvalidRuleException e) {
      refused = e;
    }
    assertThat(refused).isNotNull();
    assertThat(refused.getMessage()).contains("too expensive");
    assertThat(walked).isPositive().isLessThan(Expansion.MAX_STEPS);
    assertThat(expansion.steps()).isEqualTo(Expansion.MAX_STEPS + 1);
  }

  private static Expansion expansion(String text, LocalDateTime start) {
    ParsedRule rule = ParsedRule.parse(text);
    Expansion.checkCost(rule);
    return new Expansion(rule, start, null, null);
  }
}
