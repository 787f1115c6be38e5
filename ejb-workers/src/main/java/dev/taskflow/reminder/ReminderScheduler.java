package dev.taskflow.reminder;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.NoSuchObjectLocalException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Sends reminders on time. A single-action timer is armed for the earliest upcoming reminder
 * (re-armed after every round and whenever a committed change brings one closer), and a 5-second
 * poll is the safety net. Non-persistent timers on every replica are fine: the claim is atomic.
 * Database outages are logged and retried with backoff; the timers never die.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ReminderScheduler {

  private static final Logger LOG = Logger.getLogger(ReminderScheduler.class.getName());
  static final int BATCH = 500;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  @Inject ReminderService reminders;
  @Inject ReminderMetrics metrics;
  @Resource TimerService timers;

  private final ReentrantLock sending = new ReentrantLock();
  private final java.util.concurrent.atomic.AtomicBoolean again = new java.util.concurrent.atomic.AtomicBoolean();
  private final Object arming = new Object();
  private Timer armed;
  private Instant armedFor;
  private int failures;
  private volatile boolean stopping;

  /** The safety net: also catches what other replicas' changes made due. */
  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false, info = "reminder safety-net poll")
  public void poll() {
    sendDue();
  }

  /** The precise timer. */
  @Timeout
  public void onTimer(Timer timer) {
    sendDue();
  }

  /** A committed change made a reminder due at {@code due.at()}: make sure we wake by then. */
  public void onReminderDue(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReminderDue due) {
    arm(due.at());
  }

  /** Claims and sends everything due, then arms the timer for the next one. */
  void sendDue() {
    if (stopping) {
      return;
    }
    if (!sending.tryLock()) {
      again.set(true); // the round in progress runs once more before it ends
      return;
    }
    try {
      do {
        again.set(false);
        List<Reminder> batch;
        do {
          long started = System.nanoTime();
          batch = reminders.claimDue(BATCH);
          metrics.claimed(batch, Duration.ofNanos(System.nanoTime() - started));
          batch.forEach(reminder -> LOG.info(reminder.logLine()));
        } while (batch.size() == BATCH && !stopping);
      } while (again.get() && !stopping);
      if (failures > 0) {
        LOG.info("Reminders are sent again");
        failures = 0;
      }
      reminders.nextDue().ifPresent(this::arm);
    } catch (RuntimeException e) {
      failures++;
      Duration backoff = backoff(failures);
      if (failures == 1) {
        LOG.warning(() -> "Cannot send reminders (" + rootMessage(e) + "); retrying with backoff, from " + backoff.toMillis() + " ms");
      }
      metrics.failed();
      arm(Instant.now().plus(backoff));
    } finally {
      sending.unlock();
    }
  }

  private void arm(Instant at) {
    if (stopping) {
      return;
    }
    synchronized (arming) {
      Instant now = Instant.now();
      if (armed != null && armedFor.isAfter(now) && !armedFor.isAfter(at.isBefore(now) ? now.plusMillis(200) : at)) {
        return; // an earlier wake-up is already armed
      }
      cancelArmed();
      // Not sooner than 200 ms: a due reminder another server is claiming right now must not
      // make this one spin.
      Instant soonest = now.plusMillis(200);
      Instant when = at.isBefore(soonest) ? soonest : at;
      armed = timers.createSingleActionTimer(Date.from(when), new TimerConfig("precise reminder timer", false));
      armedFor = when;
    }
  }

  private void cancelArmed() {
    if (armed != null) {
      try {
        armed.cancel();
      } catch (NoSuchObjectLocalException | IllegalStateException e) {
        // it already fired
      }
      armed = null;
    }
  }

  private static Duration backoff(int failures) {
    Duration backoff = Duration.ofMillis(500L << Math.min(failures - 1, 10));
    return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  /** Graceful shutdown: no new round starts; a round in progress is one transaction, committed or not. */
  @PreDestroy
  void stop() {
    stopping = true;
    synchronized (arming) {
      cancelArmed();
    }
  }
}
