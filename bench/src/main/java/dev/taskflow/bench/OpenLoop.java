package dev.taskflow.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load generator: request {@code i} is due at {@code start + i / rate} whatever
 * happened to the earlier ones, and its latency is measured from that due time, not from when it
 * was actually sent. A server that stalls therefore shows its stall in every request that should
 * have gone out meanwhile (no coordinated omission).
 */
final class OpenLoop {

  /** What one fixed-rate run measured. Latencies in microseconds. */
  record Outcome(double targetRate, double achievedRate, Histogram latency, long requests, long errors) {

    double p(double percentile) {
      return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
    }

    boolean heldWithin(double p99Millis) {
      return errors == 0 && achievedRate >= targetRate * 0.95 && p(99) < p99Millis;
    }
  }

  /** Most requests allowed in flight; beyond it the server is hopelessly behind and they count as errors. */
  static final int MAX_IN_FLIGHT = 2_000;

  private OpenLoop() {}

  /** Runs {@code request(i)} (true = success) at {@code rate} per second for {@code duration}. */
  static Outcome run(double rate, Duration duration, LongFunction<CompletableFuture<Boolean>> request) {
    Histogram latency = new ConcurrentHistogram(Duration.ofMinutes(10).toNanos() / 1000, 3);
    AtomicLong errors = new AtomicLong();
    AtomicLong inFlight = new AtomicLong();
    AtomicLong lastDone = new AtomicLong();
    long total = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
    double interval = 1e9 / rate;
    long start = System.nanoTime() + 20_000_000L;
    for (long i = 0; i < total; i++) {
      long due = start + (long) (i * interval);
      waitUntil(due);
      if (inFlight.get() >= MAX_IN_FLIGHT) {
        errors.incrementAndGet();
        continue;
      }
      inFlight.incrementAndGet();
      CompletableFuture<Boolean> response;
      try {
        response = request.apply(i);
      } catch (RuntimeException e) {
        response = CompletableFuture.completedFuture(false);
      }
      response.whenComplete((ok, failure) -> {
        long now = System.nanoTime();
        latency.recordValue(Math.max(0, now - due) / 1000);
        if (failure != null || !Boolean.TRUE.equals(ok)) {
          errors.incrementAndGet();
        }
        lastDone.accumulateAndGet(now, Math::max);
        inFlight.decrementAndGet();
      });
    }
    long drainUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
      LockSupport.parkNanos(1_000_000);
    }
    errors.addAndGet(inFlight.get());
    double seconds = Math.max(1e-9, (Math.max(lastDone.get(), start) - start) / 1e9);
    long completed = latency.getTotalCount();
    return new Outcome(rate, Math.min(completed / seconds, completed / (duration.toNanos() / 1e9)), latency.copy(),
        total, errors.get());
  }

  private static void waitUntil(long due) {
    long left;
    while ((left = due - System.nanoTime()) > 0) {
      if (left > 200_000) {
        LockSupport.parkNanos(left - 100_000);
      } else {
        Thread.onSpinWait();
      }
    }
  }
}
