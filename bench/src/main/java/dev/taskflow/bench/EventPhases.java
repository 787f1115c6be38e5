package dev.taskflow.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** What flows through Kafka: publish lag, recurrence successors, reminder lateness. */
final class EventPhases {

  private final Config config;
  private final Server server;
  private final Connection db;
  private final Results results;
  private final Baselines baselines;

  EventPhases(Config config, Server server, Connection db, Results results, Baselines baselines) {
    this.config = config;
    this.server = server;
    this.db = db;
    this.results = results;
    this.baselines = baselines;
  }

  void run() throws Exception {
    if (config.runs("outbox")) {
      outboxLag();
    }
    if (config.runs("recurrence")) {
      recurrence();
    }
    if (config.runs("reminder")) {
      reminders();
    }
  }

  private static Histogram histogram() {
    return new ConcurrentHistogram(3_600_000L, 3); // ms
  }

  private static double p(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile);
  }

  private static long millis(String timestamp) {
    return OffsetDateTime.parse(timestamp).toInstant().toEpochMilli();
  }

  /** Commit to consumer: the event's time (set in the change's transaction) to its arrival at a consumer. */
  private void outboxLag() throws Exception {
    int rate = 200;
    log("outbox publish lag: creates at %d/s, a consumer on task-events", rate);
    Histogram lag = histogram();
    try (EventWatch watch = new EventWatch(config.kafka(), "task-events", "run-outbox", (event, at) -> {
      if ("taskflow.task.created".equals(event.getString("type"))) {
        lag.recordValue(Math.max(0, at - millis(event.getString("time"))));
      }
    }).awaitAssigned()) {
      OpenLoop.Outcome creates = OpenLoop.run(rate, config.step(), i -> Server.ok(server.post("run-outbox",
          "/api/v1/tasks", Workload.createBody("Send the newsletter " + i, Instant.now().plus(Duration.ofDays(4))
              .toString(), null))));
      waitFor(() -> lag.getTotalCount() >= creates.requests() - creates.errors(), Duration.ofSeconds(30));
      ensureTopic("bench-producer-perf");
      double[] raw = baselines.producerPerformance("bench-producer-perf", rate,
          (int) (rate * config.step().toSeconds()), 900);
      results.add(new Results.Row("outbox.lag", rate, p(lag, 50), p(lag, 95), p(lag, 99),
          creates.requests() - lag.getTotalCount(), "Kafka ProducerPerformance at 200/s (acks=all), p95 ms", raw[2],
          Results.ratio(p(lag, 95), raw[2]), "commit to consumer; target p95 < 20 ms at 200 creates/s"));
    }
  }

  /** Completing a recurring task until its successor exists (committed, visible to every reader). */
  private void recurrence() throws Exception {
    int count = config.quick() ? 100 : 500;
    int rate = 50;
    log("recurrence: %d daily tasks completed at %d/s, successor visible", count, rate);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      var response = server.post("run-recur", "/api/v1/tasks", Workload.createBody("Water the plants " + i,
          Instant.now().plus(Duration.ofHours(2)).toString(), "\"recurrenceRule\":\"FREQ=DAILY\"")).join();
      ids.add(Json.createReader(new StringReader(response.body())).readObject().getJsonNumber("id").longValue());
    }
    Map<Long, Long> completedAt = new ConcurrentHashMap<>();
    Histogram latency = histogram();
    Thread poller = new Thread(() -> pollSuccessors(ids, completedAt, latency), "bench-successors");
    poller.setDaemon(true);
    poller.start();
    OpenLoop.Outcome completes = OpenLoop.run(rate, Duration.ofMillis(count * 1000L / rate), i ->
        server.post("run-recur", "/api/v1/tasks/" + ids.get((int) i) + "/complete", "").thenApply(r -> {
          completedAt.put(ids.get((int) i), System.nanoTime());
          return r.statusCode() == 200;
        }));
    waitFor(() -> latency.getTotalCount() >= count - completes.errors(), Duration.ofSeconds(60));
    poller.interrupt();
    results.add(new Results.Row("recurrence.successor", rate, p(latency, 50), p(latency, 95), p(latency, 99),
        count - latency.getTotalCount(), null, null, null,
        "completion answered to successor row committed (polled every 2 ms)"));
  }

  private void pollSuccessors(List<Long> ids, Map<Long, Long> completedAt, Histogram latency) {
    java.util.Set<Long> seen = ConcurrentHashMap.newKeySet();
    try (PreparedStatement sql = db.prepareStatement("SELECT id FROM tasks WHERE id = ANY (?) AND successor_id IS NOT NULL")) {
      while (!Thread.currentThread().isInterrupted() && seen.size() < ids.size()) {
        List<Long> waiting = completedAt.keySet().stream().filter(id -> !seen.contains(id)).toList();
        if (!waiting.isEmpty()) {
          Array array = db.createArrayOf("bigint", waiting.toArray());
          sql.setArray(1, array);
          try (ResultSet rs = sql.executeQuery()) {
            long now = System.nanoTime();
            while (rs.next()) {
              long id = rs.getLong(1);
              if (seen.add(id)) {
                latency.recordValue(Math.max(0, (now - completedAt.get(id)) / 1_000_000));
              }
            }
          }
        }
        LockSupport.parkNanos(2_000_000);
      }
    } catch (Exception e) {
      Bench.log("  successor poller stopped: %s", e);
    }
  }

  /** N tasks whose reminder windows open evenly over one minute; lateness = arrival - window opening. */
  private void reminders() throws Exception {
    int count = config.reminderTasks();
    int createRate = 250;
    long windowStart = System.currentTimeMillis() + (count * 1000L / createRate) + 20_000;
    log("reminders: %,d tasks whose reminders fall due within one minute, from %s", count,
        Instant.ofEpochMilli(windowStart));
    Histogram lateness = histogram();
    try (EventWatch watch = new EventWatch(config.kafka(), "task-reminders", "run-reminders", (event, at) -> {
      JsonObject task = event.getJsonObject("data").getJsonObject("task");
      long remindAt = millis(task.getString("dueDate")) - task.getInt("remindBeforeMinutes") * 60_000L;
      lateness.recordValue(Math.max(0, at - remindAt));
    }).awaitAssigned()) {
      OpenLoop.Outcome creates = OpenLoop.run(createRate, Duration.ofMillis(count * 1000L / createRate), i -> {
        Instant due = Instant.ofEpochMilli(windowStart + i * 60_000L / count).plus(Duration.ofMinutes(60));
        return Server.ok(server.post("run-reminders", "/api/v1/tasks",
            Workload.createBody("Call the dentist " + i, due.toString(), "\"remindBeforeMinutes\":60")));
      });
      long deadline = windowStart + 60_000 + 60_000;
      waitFor(() -> lateness.getTotalCount() >= count - creates.errors() || System.currentTimeMillis() > deadline,
          Duration.ofMinutes(5));
      results.add(new Results.Row("reminder.lateness", count / 60.0, p(lateness, 50), p(lateness, 95),
          p(lateness, 99), count - lateness.getTotalCount(), null, null, null,
          String.format("%,d reminders due within one minute; window opening to arrival on task-reminders", count)));
    }
  }

  private void ensureTopic(String topic) throws Exception {
    Properties p = KafkaClientConfig.load(config.kafka());
    try (Admin admin = Admin.create(p)) {
      if (!admin.listTopics().names().get().contains(topic)) {
        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
      }
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier done, Duration atMost) {
    long until = System.nanoTime() + atMost.toNanos();
    while (!done.getAsBoolean() && System.nanoTime() < until) {
      LockSupport.parkNanos(50_000_000);
    }
  }

  private static void log(String format, Object... args) {
    Bench.log(format, args);
  }
}
