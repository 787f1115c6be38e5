package dev.taskflow.api.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one user may ask of this replica at once (SECURITY.md, "Fair limits"): a token bucket of
 * {@code burst} requests refilled at {@code perSecond} (Bucket4j), and at most {@code inFlight}
 * requests being served at the same time, so slow bodies or slow reads from one user hold at most
 * that many server threads. State is per replica and in memory: behind a balancer with N replicas
 * a user may get up to N times the rate.
 */
public final class UserLimits {

  /** The limits; every value is positive. */
  public record Settings(long perSecond, long burst, int inFlight) {
    public Settings {
      if (perSecond <= 0 || burst <= 0 || inFlight <= 0) {
        throw new IllegalArgumentException("limits must be positive: " + perSecond + "/s, burst " + burst
            + ", in flight " + inFlight);
      }
    }

    /** The seconds an empty bucket takes to fill: the policy's window. */
    long windowSeconds() {
      return Math.max(1, (burst + perSecond - 1) / perSecond);
    }
  }

  /** The answer to "may this request start?". */
  public sealed interface Decision permits Admitted, Refused {}

  /** Go on; call {@link #finish()} exactly once when the request is done. */
  public record Admitted(long remaining, long secondsToFull, Runnable finish) implements Decision {}

  /** Answer 429; {@code retryAfterSeconds} is at least 1. */
  public record Refused(long retryAfterSeconds, String reason) implements Decision {}

  static final int TRACKED_BEFORE_SWEEP = 50_000;

  private final Settings settings;
  private final Map<String, UserState> users = new ConcurrentHashMap<>();
  private final AtomicLong admissions = new AtomicLong();

  private final class UserState {
    final Bucket bucket = Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(settings.burst())
            .refillGreedy(settings.perSecond(), Duration.ofSeconds(1)).build())
        .withCustomTimePrecision(clock)
        .build();
    final AtomicInteger inFlight = new AtomicInteger();
  }

  private final TimeMeter clock;

  public UserLimits(Settings settings) {
    this(settings, TimeMeter.SYSTEM_NANOTIME);
  }

  /** With the given clock (tests). */
  UserLimits(Settings settings, TimeMeter clock) {
    this.settings = settings;
    this.clock = clock;
  }

  public Settings settings() {
    return settings;
  }

  public Decision tryStart(String user) {
    if (admissions.incrementAndGet() % 1_024 == 0 && users.size() > TRACKED_BEFORE_SWEEP) {
      forgetIdleUsers();
    }
    UserState state = users.computeIfAbsent(user, u -> new UserState());
    if (state.inFlight.incrementAndGet() > settings.inFlight()) {
      state.inFlight.decrementAndGet();
      return new Refused(1, "You have " + settings.inFlight() + " requests in progress already; "
          + "wait for one to finish.");
    }
    ConsumptionProbe probe = state.bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      state.inFlight.decrementAndGet();
      return new Refused(seconds(probe.getNanosToWaitForRefill()), "Too many requests: at most "
          + settings.burst() + " at once and " + settings.perSecond() + " per second on average.");
    }
    long missing = settings.burst() - probe.getRemainingTokens();
    long toFull = (missing + settings.perSecond() - 1) / settings.perSecond();
    AtomicInteger inFlight = state.inFlight;
    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
    return new Admitted(probe.getRemainingTokens(), toFull, () -> {
      if (done.compareAndSet(false, true)) {
        inFlight.decrementAndGet();
      }
    });
  }

  int trackedUsers() {
    return users.size();
  }

  /** Users with nothing in flight and a full bucket are the same as users never seen. */
  void forgetIdleUsers() {
    users.entrySet().removeIf(e -> e.getValue().inFlight.get() == 0
        && e.getValue().bucket.getAvailableTokens() >= settings.burst());
  }

  private static long seconds(long nanos) {
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }
}
