package dev.taskflow.api.identity;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The log's account of refused bearer tokens: one line per minute at most, with the count, instead
 * of Liberty's own message per request, which repeats the whole token (CWWKS5523E, hidden from
 * messages.log by server.xml and kept in trace.log). Nothing of the token itself is logged here.
 */
public final class RefusedTokens {

  private static final Logger LOG = Logger.getLogger(RefusedTokens.class.getName());
  static final Duration INTERVAL = Duration.ofMinutes(1);
  static final RefusedTokens SERVER = new RefusedTokens(System::nanoTime, LOG::warning);

  private final LongSupplier clock;
  private final java.util.function.Consumer<String> log;
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong windowStart = new AtomicLong(Long.MIN_VALUE);

  RefusedTokens(LongSupplier clock, java.util.function.Consumer<String> log) {
    this.clock = clock;
    this.log = log;
  }

  /** One more refused token; writes the summary when a minute has passed since the last one. */
  void record() {
    long refused = count.incrementAndGet();
    long now = clock.getAsLong();
    long start = windowStart.get();
    if (start == Long.MIN_VALUE) {
      if (windowStart.compareAndSet(Long.MIN_VALUE, now)) {
        log.accept("A bearer token was refused (bad signature, issuer, audience, age or format); "
            + "further refusals are counted and logged once a minute. Liberty's detail (CWWKS5523E) is in trace.log.");
        count.addAndGet(-refused);
      }
      return;
    }
    if (now - start >= INTERVAL.toNanos() && windowStart.compareAndSet(start, now)) {
      long inWindow = count.getAndSet(0);
      log.accept(inWindow + " bearer token(s) refused in the last " + Duration.ofNanos(now - start).toSeconds()
          + " s (bad signature, issuer, audience, age or format); details in trace.log (CWWKS5523E).");
    }
  }
}
