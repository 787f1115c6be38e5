package dev.taskflow.api.stream;

import dev.taskflow.api.problem.Problem;
import dev.taskflow.api.problem.ProblemException;
import dev.taskflow.stream.LiveFeed;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The open live streams of this server ({@code /api/v1/events/stream}: a user's task changes and
 * reminders; {@code /api/v1/reminders/stream}: reminders only), and the poller that feeds them from
 * the outbox every half second. Reading the database, not Kafka, means every replica sees every
 * event whichever replica wrote it, the streams work while Kafka is away, and a reconnect can
 * replay from its Last-Event-ID (the outbox position). Each stream gets only its own user's events;
 * the poller reads only the events of users who have a stream open here.
 */
@ApplicationScoped
public class LiveStreams {

  private static final Logger LOG = Logger.getLogger(LiveStreams.class.getName());
  static final long POLL_MILLIS = 500;
  static final long KEEP_ALIVE_SECONDS = 15;
  /** Positions looked at again each poll: a transaction that took a lower id may commit late. */
  static final long LOOK_BACK = 2_000;
  static final int PAGE = 1_000;
  static final int REPLAY_LIMIT = 1_000;
  static final int MAX_QUEUED = REPLAY_LIMIT + 1_000;
  static final long SEND_TIMEOUT_SECONDS = 5;
  static final String TOO_MANY = "urn:taskflow:problem:too-many-requests";

  /** What a stream carries. */
  public enum Kind {
    /** Task changes and reminders; each SSE event is named after its CloudEvents type. */
    EVENTS,
    /** Reminders only; each SSE event is named {@code reminder}. */
    REMINDERS
  }

  @Inject LiveFeed feed;

  @Resource ManagedScheduledExecutorService scheduler;

  /** Each stream's writer (a task per stream while it has something to send). */
  @Resource ManagedExecutorService writers;

  @Inject
  @ConfigProperty(name = "taskflow.limits.streams-per-user", defaultValue = "3")
  int perUser;

  @Inject
  @ConfigProperty(name = "taskflow.limits.streams", defaultValue = "2000")
  int total;

  private final Map<String, Set<Subscriber>> byUser = new ConcurrentHashMap<>();
  private final Set<Long> delivered = java.util.Collections.newSetFromMap(new LinkedHashMap<>() {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
      return size() > 50_000;
    }
  });
  private volatile long highWater = -1;
  private ScheduledFuture<?> poller;
  private ScheduledFuture<?> keepAlive;

  /**
   * One open stream, with its own queue and writer: the poller only queues, so a client that reads
   * slowly or not at all delays nobody else. A writer that cannot hand an event over in {@link
   * #SEND_TIMEOUT_SECONDS}, or a queue that grows past {@link #MAX_QUEUED}, ends the stream; the
   * client reconnects with Last-Event-ID and is replayed what it missed.
   */
  static final class Subscriber {
    private final Kind kind;
    /** Live delivery starts above this position; what lies below comes only by Last-Event-ID. */
    private final long liveFrom;
    private final SseEventSink sink;
    private final Sse sse;
    private final Executor writer;
    private final ArrayDeque<OutboundSseEvent> queue = new ArrayDeque<>();
    private boolean writing;
    private volatile boolean closed;
    private final Set<Long> sent = java.util.Collections.newSetFromMap(new LinkedHashMap<>() {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
        return size() > 5_000;
      }
    });

    Subscriber(Kind kind, long liveFrom, SseEventSink sink, Sse sse, Executor writer) {
      this.kind = kind;
      this.liveFrom = liveFrom;
      this.sink = sink;
      this.sse = sse;
      this.writer = writer;
    }

    boolean wants(LiveFeed.Entry entry) {
      return kind == Kind.EVENTS || entry.isReminder();
    }

    /** A newly read event: sent only if it is newer than the stream (no surprise replays). */
    boolean sendLive(LiveFeed.Entry entry) {
      return entry.position() <= liveFrom ? isOpen() : send(entry);
    }

    synchronized boolean send(LiveFeed.Entry entry) {
      if (!wants(entry) || !sent.add(entry.position())) {
        return isOpen();
      }
      return send(sse.newEventBuilder().id(Long.toString(entry.position()))
          .name(kind == Kind.REMINDERS ? "reminder" : entry.type())
          .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, entry.cloudEvent()).build());
    }

    /** Queues an event; false when the stream is (now) closed. Never blocks on the client. */
    synchronized boolean send(OutboundSseEvent event) {
      if (!isOpen()) {
        return false;
      }
      if (queue.size() >= MAX_QUEUED) {
        close();
        return false;
      }
      queue.add(event);
      if (!writing) {
        writing = true;
        try {
          writer.execute(this::write);
        } catch (RuntimeException e) {
          writing = false;
          close();
          return false;
        }
      }
      return true;
    }

    synchronized void keepAlive() {
      if (queue.isEmpty()) {
        send(sse.newEventBuilder().comment("keep-alive").build());
      }
    }

    private void write() {
      while (true) {
        OutboundSseEvent next;
        synchronized (this) {
          next = closed ? null : queue.poll();
          if (next == null) {
            writing = false;
            return;
          }
        }
        try {
          sink.send(next).toCompletableFuture().get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          close();
        } catch (Exception e) {
          close();
        }
      }
    }

    boolean isOpen() {
      return !closed && !sink.isClosed();
    }

    void close() {
      closed = true;
      synchronized (this) {
        queue.clear();
      }
      try {
        sink.close();
      } catch (Exception e) {
        // already gone
      }
    }
  }

  /**
   * Registers a stream; with {@code after}, first replays the user's events after that position.
   * A user may have {@code taskflow.limits.streams-per-user} open streams of either kind (429
   * beyond), this replica {@code taskflow.limits.streams} in all (503 beyond), each with Retry-After.
   */
  public void open(Kind kind, String userId, SseEventSink sink, Sse sse, Long after) throws Exception {
    startIfNeeded();
    // Live from the newest position now: what came before is the client's to ask for (Last-Event-ID).
    Subscriber subscriber = new Subscriber(kind, Math.max(highWater, feed.latestPosition()), sink, sse, writers);
    byUser.compute(userId, (user, subscribers) -> {
      Set<Subscriber> open = subscribers == null ? ConcurrentHashMap.newKeySet() : subscribers;
      open.removeIf(s -> !s.isOpen());
      if (open.size() >= perUser) {
        throw new ProblemException(new Problem(TOO_MANY, "Too Many Requests", 429, "You have " + perUser
            + " live streams open already (the most one user may have); close one first.", List.of()),
            Map.of(HttpHeaders.RETRY_AFTER, String.valueOf(KEEP_ALIVE_SECONDS)));
      }
      if (openStreams() >= total) {
        throw new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE,
            "This server has as many live streams open as it serves; try again shortly."),
            Map.of(HttpHeaders.RETRY_AFTER, String.valueOf(KEEP_ALIVE_SECONDS)));
      }
      open.add(subscriber);
      return open;
    });
    subscriber.send(sse.newEventBuilder()
        .comment("taskflow " + (kind == Kind.EVENTS ? "events" : "reminders") + " for " + userId)
        .reconnectDelay(3_000).build());
    if (after != null) {
      for (LiveFeed.Entry entry : feed.after(userId, after, kind == Kind.REMINDERS, REPLAY_LIMIT)) {
        if (!subscriber.send(entry)) {
          break;
        }
      }
    }
  }

  int openStreams() {
    return byUser.values().stream().mapToInt(Set::size).sum();
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
        LOG.log(Level.WARNING, "Live streams cannot read new events: " + e, e);
      }
    }
  }

  /**
   * Reads the events of the users with a stream open here, from a little below the last position
   * seen (late commits) up to the newest, and moves the mark to the newest.
   */
  synchronized void poll() throws Exception {
    long top = feed.latestPosition();
    List<String> users = List.copyOf(byUser.keySet());
    long from = Math.max(0, highWater - LOOK_BACK);
    List<LiveFeed.Entry> page;
    do {
      page = feed.forUsers(users, from, top, PAGE);
      deliver(page);
      if (!page.isEmpty()) {
        from = page.get(page.size() - 1).position();
      }
    } while (page.size() == PAGE);
    highWater = Math.max(highWater, top);
  }

  private void deliver(List<LiveFeed.Entry> entries) {
    for (LiveFeed.Entry entry : entries) {
      if (entry.userId() == null) {
        continue; // written before the outbox recorded users (V5): no stream can be its owner
      }
      if (delivered.add(entry.position())) {
        Set<Subscriber> subscribers = byUser.get(entry.userId());
        if (subscribers != null) {
          subscribers.removeIf(subscriber -> !subscriber.sendLive(entry));
        }
      }
    }
  }

  private void keepAlive() {
    try {
      sendKeepAlives();
    } catch (Throwable e) {
      LOG.log(Level.WARNING, "Live stream keep-alive failed: " + e, e);
    }
  }

  private void sendKeepAlives() {
    byUser.values().forEach(subscribers -> {
      subscribers.forEach(Subscriber::keepAlive);
      subscribers.removeIf(s -> !s.isOpen());
    });
    byUser.keySet().forEach(user -> byUser.computeIfPresent(user, (u, set) -> set.isEmpty() ? null : set));
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
