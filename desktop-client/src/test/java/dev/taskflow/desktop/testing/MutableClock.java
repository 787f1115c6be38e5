package dev.taskflow.desktop.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the test moves forward. */
public final class MutableClock extends Clock {

  private Instant now;
  private final ZoneId zone;

  public MutableClock(Instant now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  public void advance(Duration by) {
    now = now.plus(by);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new MutableClock(now, other);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
