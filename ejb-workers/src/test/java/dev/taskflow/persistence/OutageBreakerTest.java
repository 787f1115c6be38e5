package dev.taskflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OutageBreakerTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final OutageBreaker breaker = new OutageBreaker(now::get, Duration.ofMillis(250));

  private void advance(long millis) {
    now.addAndGet(Duration.ofMillis(millis).toNanos());
  }

  @Test
  void closedItLetsEveryCallThrough() {
    assertThat(breaker.allow()).isTrue();
    assertThat(breaker.allow()).isTrue();
    assertThat(breaker.isOpen()).isFalse();
  }

  @Test
  void afterAnUnreachableDatabaseItRefusesUntilTheHoldEndsThenLetsOneProbeThrough() {
    breaker.unreachable();
    assertThat(breaker.allow()).isFalse();
    advance(249);
    assertThat(breaker.allow()).isFalse();
    advance(1);
    assertThat(breaker.allow()).as("the probe").isTrue();
    assertThat(breaker.allow()).as("only one probe per hold").isFalse();
    advance(250);
    assertThat(breaker.allow()).as("the next probe, the first one still unanswered").isTrue();
  }

  @Test
  void aProbeThatFailsHoldsAgainAndOneThatReachesTheDatabaseCloses() {
    breaker.unreachable();
    advance(250);
    assertThat(breaker.allow()).isTrue();
    advance(100);
    breaker.unreachable(); // the probe failed at +350 ms: refused until +600 ms
    advance(249);
    assertThat(breaker.allow()).isFalse();
    advance(1);
    assertThat(breaker.allow()).isTrue();
    breaker.reached();
    assertThat(breaker.isOpen()).isFalse();
    assertThat(breaker.allow()).isTrue();
    assertThat(breaker.allow()).isTrue();
  }

  @Test
  void nanoTimeWrapsAroundSafely() {
    now.set(Long.MAX_VALUE - Duration.ofMillis(100).toNanos());
    breaker.unreachable();
    assertThat(breaker.allow()).isFalse();
    advance(300);
    assertThat(breaker.allow()).isTrue();
  }
}
