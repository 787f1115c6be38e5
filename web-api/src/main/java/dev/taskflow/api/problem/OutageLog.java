package dev.taskflow.api.problem;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One log line per outage, not one per request: the first failure is logged with its cause, the
 * ones after it are counted and summed up in at most one line per {@link #INTERVAL}. During a
 * PostgreSQL outage every request fails the same way, and logging each (with its cause) slowed
 * every answer; see docs/RESILIENCE.md.
 */
final class OutageLog {

  static final Duration INTERVAL = Duration.ofSeconds(10);

  private final Logger log;
  private final String what;
  private final LongSupplier clock;
  private final AtomicLong windowStart = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong unlogged = new AtomicLong();

  OutageLog(Logger log, String what, LongSupplier nanoClock) {
    this.log = log;
    this.what = what;
    this.clock = nanoClock;
  }

  /** Records one failure; answers whether it was written to the log (the others are counted). */
  boolean record(Throwable cause) {
    long now = clock.getAsLong();
    long start = windowStart.get();
    if (start != Long.MIN_VALUE && now - start < INTERVAL.toNanos()) {
      unlogged.incrementAndGet();
      return false;
    }
    if (!windowStart.compareAndSet(start, now)) {
      unlogged.incrementAndGet();
      return false;
    }
    long since = unlogged.getAndSet(0);
    String more = since == 0 ? "" : " (and " + since + " more like it in the " + INTERVAL.toSeconds()
        + " s before, not logged one by one)";
    log.log(Level.WARNING, what + more + ": " + root(cause));
    return true;
  }

  /** The innermost cause: "PSQLException: Connection to 127.0.0.1:5432 refused", not three wrappers. */
  static String root(Throwable e) {
    java.util.Set<Throwable> seen = new java.util.HashSet<>();
    Throwable t = e;
    while (t.getCause() != null && seen.add(t)) {
      t = t.getCause();
    }
    String message = String.valueOf(t.getMessage()).replaceAll("\\s+", " ");
    return t.getClass().getSimpleName() + ": " + (message.length() > 300 ? message.substring(0, 300) + "..." : message);
  }
}
