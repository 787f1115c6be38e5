package dev.taskflow.persistence;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A circuit breaker for a database that cannot be reached. Once a call has found PostgreSQL away
 * (connection refused, the server shutting down), the calls that follow within {@link #HOLD} fail
 * at once instead of each opening an XA transaction, asking the pool for a connection and building
 * the driver's exceptions: during an outage that work cost ~7 ms of CPU per request and pushed some
 * 503s past a second. One call per hold passes as a probe; the first call that succeeds closes the
 * breaker, so the API serves again at most one hold after the database is back.
 *
 * <p>Only unreachability trips it ({@link DatabaseFailures#isUnreachable}): a pool that is merely
 * busy, a deadlock victim or a bad statement never refuses other callers.
 */
public final class OutageBreaker {

  /** How long calls are refused after a failure, before the next probe. */
  public static final Duration HOLD = Duration.ofMillis(250);

  private static final long CLOSED = Long.MIN_VALUE;

  private final LongSupplier nanoClock;
  private final long holdNanos;
  /** {@link #CLOSED}, or the {@link System#nanoTime} until which calls are refused. */
  private final AtomicLong refuseUntil = new AtomicLong(CLOSED);

  public OutageBreaker(LongSupplier nanoClock, Duration hold) {
    this.nanoClock = nanoClock;
    this.holdNanos = hold.toNanos();
  }

  /** Whether a call may try the database now: always while closed, else once per hold (the probe). */
  public boolean allow() {
    long until = refuseUntil.get();
    if (until == CLOSED) {
      return true;
    }
    long now = nanoClock.getAsLong();
    return now - until >= 0 && refuseUntil.compareAndSet(until, now + holdNanos);
  }

  /** A call found the database unreachable: refuse the others for a hold from now. */
  public void unreachable() {
    refuseUntil.set(nanoClock.getAsLong() + holdNanos);
  }

  /** A call reached the database: close. */
  public void reached() {
    if (refuseUntil.get() != CLOSED) {
      refuseUntil.set(CLOSED);
    }
  }

  /** Whether calls are being refused, or a probe is due. */
  public boolean isOpen() {
    return refuseUntil.get() != CLOSED;
  }
}
