package dev.taskflow.api.reminder;

import dev.taskflow.reminder.ReminderFeed;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open reminder streams of this server, and the poller that feeds them from the outbox every
 * half second. Reading the database, not Kafka, means every replica sees every reminder whichever
 * replica's timer sent it, the stream works while Kafka is away, and a reconnect can replay from
 * its Last-Event-ID (the outbox position). Each stream gets only its own user's reminders.
 */
@ApplicationScoped
public class ReminderStreams {

  private static final Logger LOG = Logger.getLogger(ReminderStreams.class.getName());
  static final long POLL_MILLIS = 500;
  static final long KEEP_ALIVE_SECONDS = 15;
  /** Positions looked at again each poll: a transaction that took a lower id may commit late. */
  static final long LOOK_BACK = 2_000;
  static final int REPLAY_LIMIT = 1_000;

  @Inject ReminderFeed feed;

  @Resource ManagedScheduledExecutorService scheduler;

  private final Map<String, Set<Subscriber>> byUser = new ConcurrentHashMap<>();
  private final Set<Long> delivered = java.util.Collections.newSetFromMap(new LinkedHashMap<>() {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
      return size() > 50_000;
    }
  });
  private long highWater = -1;
  private ScheduledFuture<?> poller;
  private ScheduledFuture<?> keepAlive;

  /** One open stream. Sends are serialised: the poller and a replay may both write to it. */
  static final class Subscriber {
    private final SseEventSink sink;
    private final Sse sse;
    private final Set<Long> sent = java.util.Collections.newSetFromMap(new LinkedHashMap<>() {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
        return size() > 5_000;
      }
    });

    Subscriber(SseEventSink sink, Sse sse) {
      this.sink = sink;
      this.sse = sse;
    }

    synchronized boolean send(ReminderFeed.Entry entry) {
      if (!sent.add(entry.position())) {
        return true;
      }
      return send(sse.newEventBuilder().id(Long.toString(entry.position())).name("reminder")
          .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, entry.cloudEvent()).build());
    }

    synchronized boolean send(OutboundSseEvent event) {
      if (sink.isClosed()) {
        return false;
      }
      try {
        sink.send(event).toCompletableFuture().get(5, TimeUnit.SECONDS);
        return true;
      } catch (Exception e) {
        close();
        return false;
      }
    }

    void close() {
      try {
        sink.close();
      } catch (Exception e) {
        // already gone
      }
    }
  }

  /** Registers a stream; with {@code after}, first replays the user's reminders after that position. */
  public void open(String userId, SseEventSink sink, Sse sse, Long after) throws Exception {
    startIfNeeded();
    Subscriber subscriber = new Subscriber(sink, sse);
    byUser.computeIfAbsent(userId, u -> ConcurrentHashMap.newKeySet()).add(subscriber);
    subscriber.send(sse.newEventBuilder().comment("taskflow reminders for " + userId)
        .reconnectDelay(3_000).build());
    if (after != null) {
      for (ReminderFeed.Entry entry : feed.after(userId, after, REPLAY_LIMIT)) {
        if (!subscriber.send(entry)) {
          break;
        }
      }
    }
  }

  private synchronized void startIfNeeded() throws Exception {
    if (poller != null) {
      return;
    }
    highWater = feed.latestPosition();
    poller = scheduler.scheduleWithFixedDelay(this::pollSafely, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    keepAlive = scheduler.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS,
        TimeUnit.SECONDS);
  }

  private long lastWarning;

  /** Never lets a failure end the schedule (an uncaught throwable would stop it for good). */
  private void pollSafely() {
    try {
      poll();
    } catch (Throwable e) {
      // The database is away, or a bug: streams stay open and catch up once a poll succeeds.
      if (System.nanoTime() - lastWarning > TimeUnit.MINUTES.toNanos(1)) {
        lastWarning = System.nanoTime();
        LOG.log(Level.WARNING, "Reminder streams cannot read new reminders: " + e, e);
      }
    }
  }

  synchronized void poll() throws Exception {
    deliver(feed.between(Math.max(0, highWater - LOOK_BACK), highWater)); // committed late, below the mark
    List<ReminderFeed.Entry> fresh;
    do {
      fresh = feed.after(highWater, 1_000);
      deliver(fresh);
    } while (fresh.size() == 1_000);
  }

  private void deliver(List<ReminderFeed.Entry> entries) {
    for (ReminderFeed.Entry entry : entries) {
      highWater = Math.max(highWater, entry.position());
      if (entry.userId() == null) {
        continue; // written before the outbox recorded users (V5): no stream can be its owner
      }
      if (delivered.add(entry.position())) {
        Set<Subscriber> subscribers = byUser.get(entry.userId());
        if (subscribers != null) {
          subscribers.removeIf(subscriber -> !subscriber.send(entry));
        }
      }
    }
  }

  private void keepAlive() {
    try {
      sendKeepAlives();
    } catch (Throwable e) {
      LOG.log(Level.WARNING, "Reminder stream keep-alive failed: " + e, e);
    }
  }

  private void sendKeepAlives() {
    byUser.values().forEach(subscribers -> subscribers.removeIf(s -> !s.send(s.sse.newEventBuilder()
        .comment("keep-alive").build())));
    byUser.values().removeIf(Set::isEmpty);
  }

  @PreDestroy
  synchronized void stop() {
    if (poller != null) {
      poller.cancel(false);
      keepAlive.cancel(false);
    }
    byUser.values().forEach(subscribers -> subscribers.forEach(Subscriber::close));
    byUser.clear();
  }
}
