package dev.taskflow.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenAgeTest {

  static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  static final Duration DAY = Duration.ofHours(24);

  @Test
  void aTokenIssuedJustNowIsFresh() {
    assertThat(Caller.freshEnough(Optional.of(NOW), NOW, DAY)).isTrue();
  }

  @Test
  void aTokenIsFreshUpToItsMaximumAgePlusTheSkew() {
    assertThat(Caller.freshEnough(Optional.of(NOW.minus(DAY)), NOW, DAY)).isTrue();
    assertThat(Caller.freshEnough(Optional.of(NOW.minus(DAY).minusSeconds(30)), NOW, DAY)).isTrue();
    assertThat(Caller.freshEnough(Optional.of(NOW.minus(DAY).minusSeconds(31)), NOW, DAY)).isFalse();
    assertThat(Caller.freshEnough(Optional.of(NOW.minus(Duration.ofDays(3650))), NOW, DAY)).isFalse();
  }

  @Test
  void aTokenIssuedInTheFutureBeyondTheSkewIsRefused() {
    assertThat(Caller.freshEnough(Optional.of(NOW.plusSeconds(30)), NOW, DAY)).isTrue();
    assertThat(Caller.freshEnough(Optional.of(NOW.plusSeconds(31)), NOW, DAY)).isFalse();
  }

  @Test
  void aTokenWithoutIssuedAtIsRefused() {
    assertThat(Caller.freshEnough(Optional.empty(), NOW, DAY)).isFalse();
  }
}
