package dev.taskflow.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The outbox relay's loop, free of container APIs so it can run (and be tested) anywhere:
 *
 * <ol>
 *   <li>Leadership: a session-level PostgreSQL advisory lock on a dedicated connection. One relay
 *       across all replicas holds it; when its holder dies, the connection closes, the lock is
 *       released and a standby takes over on its next try.
 *   <li>Publishing: pending rows in id order (commit order per key), sent by an idempotent
 *       producer with one request in flight, marked published only after the broker acknowledged
 *       them. At the first failure the producer is closed, so nothing behind the failed record is
 *       sent; the rest is sent again, in order, later. Acknowledged-but-unmarked events (a crash
 *       between ack and mark) are sent again: delivery is at least once, consumers dedupe by id.
 *   <li>Timing: woken after each commit, sweeping every {@code sweepInterval} anyway; on failure
 *       it backs off exponentially and resumes by itself.
 *   <li>Pruning: published rows and processed-event records older than the retention are
 *       deleted by the leader.
 * </ol>
 */
public final class OutboxRelayLoop implements Runnable {

  /** The advisory lock key: "taskflow" in ASCII. */
  public static final long LOCK_KEY = 0x7461736b666c6f77L;

  private static final Logger LOG = Logger.getLogger(OutboxRelayLoop.class.getName());
  /** Beyond the producer's delivery.timeout.ms: every send has completed, one way or the other. */
  private static final long DELIVERY_TIMEOUT_MILLIS = 20_000;

  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
  private static final Duration STANDBY_INTERVAL = Duration.ofSeconds(2);
  private static final Duration PRUNE_INTERVAL = Duration.ofHours(1);
  private static final int PRUNE_CHUNK = 10_000;

  /** Opens a plain, auto-committing JDBC connection to the database that holds the outbox. */
  @FunctionalInterface
  public interface ConnectionSource {
    Connection open() throws SQLException;
  }

  /** What the relay reports: metrics and logs hang off this. */
  public interface Listener {
    void published(List<Double> lagSeconds);

    void failed(Exception cause);

    void leadership(boolean leader);
  }

  /**
   * How the relay works: events per batch, the idle sweep interval (it is also woken by commits),
   * how long published events are kept, and the advisory lock that elects the active relay.
   */
  public record Settings(int batchSize, Duration sweepInterval, Duration retention, long lockKey) {

    public static Settings defaults() {
      return new Settings(500, Duration.ofSeconds(1), Duration.ofDays(7), LOCK_KEY);
    }

    public Settings withLockKey(long key) {
      return new Settings(batchSize, sweepInterval, retention, key);
    }
  }

  record Pending(long id, String eventId, String topic, String key, String type, String payload) {}

  private final ConnectionSource connections;
  private final Supplier<Producer<String, String>> producers;
  private final Settings settings;
  private final Listener listener;

  private final Object signal = new Object();
  private boolean woken;
  private volatile boolean stopping;

  private Connection leaderConnection;
  private Connection standbyConnection;
  private Producer<String, String> producer;

  public OutboxRelayLoop(
      ConnectionSource connections,
      Supplier<Producer<String, String>> producers,
      Settings settings,
      Listener listener) {
    this.connections = connections;
    this.producers = producers;
    this.settings = settings;
    this.listener = listener;
  }

  /** Something was committed: publish now rather than at the next sweep. */
  public void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  /** Asks the loop to finish its batch and return; {@link #run()} then releases everything. */
  public void stop() {
    stopping = true;
    wake();
  }

  @Override
  public void run() {
    Duration backoff = Duration.ZERO;
    long nextPruneNanos = System.nanoTime();
    try {
      while (!stopping) {
        try {
          if (!lead()) {
            await(STANDBY_INTERVAL, false);
            continue;
          }
          if (System.nanoTime() - nextPruneNanos >= 0) {
            prune();
            nextPruneNanos = System.nanoTime() + PRUNE_INTERVAL.toNanos();
          }
          int published = publishBatch();
          backoff = Duration.ZERO;
          if (published < settings.batchSize()) {
            await(settings.sweepInterval(), true);
          }
        } catch (SQLException | RelayFailure | RuntimeException e) {
          listener.failed(e);
          closeProducer();
          if (e instanceof SQLException) {
            releaseLeadership();
          }
          backoff = backoff.isZero() ? FIRST_BACKOFF : min(backoff.multipliedBy(2), MAX_BACKOFF);
          await(backoff, false);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeProducer();
      releaseLeadership();
      close(standbyConnection);
      standbyConnection = null;
    }
  }

  /** Holds or tries to take the advisory lock; answers whether this relay leads. */
  boolean lead() throws SQLException {
    if (leaderConnection != null) {
      return true; // a dead session fails the next query, which releases leadership
    }
    if (standbyConnection == null || !standbyConnection.isValid(2)) {
      close(standbyConnection);
      standbyConnection = connections.open();
      standbyConnection.setAutoCommit(true);
      try (var keepalive = standbyConnection.createStatement()) {
        // The lock outlives a dead client until the server notices the session is gone: make it
        // notice within ~25 s, not the system default of two hours.
        keepalive.execute("SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3");
      }
    }
    try (PreparedStatement lock = standbyConnection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      lock.setLong(1, settings.lockKey());
      try (ResultSet rs = lock.executeQuery()) {
        if (rs.next() && rs.getBoolean(1)) {
          leaderConnection = standbyConnection;
          standbyConnection = null;
          listener.leadership(true);
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Publishes one batch and answers how many events were published, or throws after a failure
   * (having marked what the broker acknowledged). Order per key survives failures because the
   * producer has one request in flight and is closed at the first failed record: nothing after it
   * is sent, so no later event of a key can overtake an earlier one that failed.
   */
  int publishBatch() throws SQLException, RelayFailure {
    synchronized (signal) {
      woken = false; // a commit after this point wakes the next wait
    }
    List<Pending> batch = pending();
    if (batch.isEmpty()) {
      return 0;
    }
    Producer<String, String> out = producer();
    AtomicReference<Exception> failure = new AtomicReference<>();
    List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
    for (Pending event : batch) {
      if (failure.get() != null) {
        break;
      }
      try {
        sent.add(
            out.send(
                record(event),
                (metadata, error) -> {
                  if (error != null && failure.compareAndSet(null, error)) {
                    out.close(Duration.ZERO); // from the sender thread: aborts everything not yet sent
                  }
                }));
      } catch (RuntimeException e) {
        failure.compareAndSet(null, e); // e.g. no metadata within max.block.ms: the broker is away
      }
    }
    List<Long> acknowledged = new ArrayList<>();
    Set<String> failedKeys = new HashSet<>();
    for (int i = 0; i < sent.size(); i++) {
      Pending event = batch.get(i);
      try {
        sent.get(i).get(DELIVERY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        if (!failedKeys.contains(event.key())) {
          acknowledged.add(event.id());
        }
      } catch (ExecutionException | TimeoutException e) {
        failedKeys.add(event.key());
        failure.compareAndSet(null, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure.compareAndSet(null, e);
        break;
      }
    }
    markPublished(acknowledged);
    if (failure.get() != null) {
      closeProducer();
      throw new RelayFailure(
          "published " + acknowledged.size() + " of " + batch.size() + " events; the rest wait for the broker", failure.get());
    }
    return acknowledged.size();
  }

  private List<Pending> pending() throws SQLException {
    try (PreparedStatement select =
        leaderConnection.prepareStatement(
            "SELECT id, event_id, topic, event_key, event_type, payload FROM outbox_event"
                + " WHERE published_at IS NULL ORDER BY id LIMIT ?")) {
      select.setInt(1, settings.batchSize());
      List<Pending> batch = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          batch.add(
              new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
        }
      }
      return batch;
    }
  }

  private static ProducerRecord<String, String> record(Pending event) {
    ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
    record.headers().add(new RecordHeader("ce_id", event.eventId().getBytes(StandardCharsets.UTF_8)));
    record.headers().add(new RecordHeader("ce_type", event.type().getBytes(StandardCharsets.UTF_8)));
    record.headers().add(new RecordHeader("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8)));
    return record;
  }

  private void markPublished(List<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    Array idArray = leaderConnection.createArrayOf("bigint", ids.toArray());
    try (PreparedStatement mark =
        leaderConnection.prepareStatement(
            "UPDATE outbox_event SET published_at = clock_timestamp() WHERE id = ANY(?) AND published_at IS NULL"
                + " RETURNING EXTRACT(EPOCH FROM published_at - created_at)")) {
      mark.setArray(1, idArray);
      List<Double> lags = new ArrayList<>(ids.size());
      try (ResultSet rs = mark.executeQuery()) {
        while (rs.next()) {
          lags.add(rs.getDouble(1));
        }
      }
      listener.published(lags);
    } finally {
      idArray.free();
    }
  }

  /**
   * Deletes published events, consumers' processed-event records and creation idempotency keys
   * older than the retention. A replay older than that is no longer expected, so its dedupe
   * record may go too.
   */
  private void prune() throws SQLException {
    prune("DELETE FROM outbox_event WHERE id IN (SELECT id FROM outbox_event"
        + " WHERE published_at < clock_timestamp() - make_interval(secs => ?) LIMIT " + PRUNE_CHUNK + ")");
    prune("DELETE FROM processed_event WHERE ctid IN (SELECT ctid FROM processed_event"
        + " WHERE processed_at < clock_timestamp() - make_interval(secs => ?) LIMIT " + PRUNE_CHUNK + ")");
    prune("DELETE FROM idempotency_key WHERE ctid IN (SELECT ctid FROM idempotency_key"
        + " WHERE created_at < clock_timestamp() - make_interval(secs => ?) LIMIT " + PRUNE_CHUNK + ")");
  }

  private void prune(String sql) throws SQLException {
    try (PreparedStatement delete = leaderConnection.prepareStatement(sql)) {
      delete.setDouble(1, settings.retention().toSeconds());
      int deleted;
      do {
        deleted = delete.executeUpdate();
      } while (deleted == PRUNE_CHUNK && !stopping);
    }
  }

  private Producer<String, String> producer() {
    if (producer == null) {
      producer = producers.get();
    }
    return producer;
  }

  private void await(Duration duration, boolean wakeable) throws InterruptedException {
    long deadline = System.nanoTime() + duration.toNanos();
    synchronized (signal) {
      while (!stopping && !(wakeable && woken)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        TimeUnit.NANOSECONDS.timedWait(signal, left);
      }
    }
  }

  private void closeProducer() {
    if (producer != null) {
      try {
        producer.close(Duration.ofSeconds(5));
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "closing the producer failed", e);
      }
      producer = null;
    }
  }

  private void releaseLeadership() {
    if (leaderConnection != null) {
      close(leaderConnection); // closing the session releases the advisory lock
      leaderConnection = null;
      listener.leadership(false);
    }
  }

  private static void close(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.log(Level.FINE, "closing a connection failed", e);
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** Some events of a batch could not be published; they stay pending. */
  static final class RelayFailure extends Exception {
    private static final long serialVersionUID = 1L;

    RelayFailure(String message, Throwable cause) {
      super(message + ": " + cause, cause);
    }
  }
}
