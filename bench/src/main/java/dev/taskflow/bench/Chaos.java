package dev.taskflow.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;

/**
 * {@code ./taskflow chaos}: the real stack under steady load while things break on purpose:
 * Kafka stopped for 30 s, Liberty killed with SIGKILL and started again, PostgreSQL stopped and
 * started. Then it audits what the server acknowledged against the database and everything Kafka
 * delivered, prints a summary and exits non-zero if any promise was broken. See docs/RESILIENCE.md.
 */
public final class Chaos {

  /** Generous bounds for a noisy 2-core machine; the promises themselves are exact. */
  static final Duration OUTAGE_ANSWER = Duration.ofSeconds(2);
  static final Duration RECOVERY = Duration.ofSeconds(5);
  /** p99 of every phase in which the server is up and ready, Kafka's outage included ({@link #FAST}). */
  static final Duration SERVING_P99 = Duration.ofSeconds(1);
  /** From SIGKILL to ready again: a JVM start, the application's start and its warm-up (docs/RESILIENCE.md). */
  static final Duration RESTART_TO_READY = Duration.ofSeconds(120);
  /** The phases in which the server is ready and must answer every request with a success. */
  static final List<String> SERVING = List.of("steady", "kafka-down", "after-kafka", "after-liberty");
  /**
   * The phases judged by {@link #SERVING_P99}: the serving ones and the one after PostgreSQL's
   * return (whose first seconds may still answer 503, see {@link #RECOVERY}).
   */
  static final List<String> FAST = List.of("steady", "kafka-down", "after-kafka", "after-liberty", "after-postgres");

  private final Args args;
  private final String runId = "chaos-" + UUID.randomUUID().toString().substring(0, 8);
  private final ChaosLedger ledger = new ChaosLedger();
  private final List<String> faults = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();
  /** Each phase's span on the wall clock, in the order they ran. */
  private final Map<String, Window> windows = new LinkedHashMap<>();
  private long postgresBackNanos;
  private long postgresStoppingNanos;
  private Duration restartToReady;
  private String restartDetail = "";
  private Duration postgresRecovery;
  private long remindersInFaults;

  private Chaos(Args args) {
    this.args = args;
  }

  public static void main(String[] argv) throws Exception {
    System.exit(new Chaos(Args.parse(argv)).run() ? 0 : 1);
  }

  private String arg(String name) {
    return args.get(name);
  }

  private int seconds(String name, int otherwise) {
    return args.number(name, otherwise);
  }

  private boolean run() throws Exception {
    Server server = new Server(URI.create(arg("base-url")), Path.of(arg("private-key")));
    List<String> users = IntStream.range(0, 20).mapToObj(i -> runId + "-user" + i).toList();
    double writeRate = args.rate("write-rate", 50);
    double readRate = args.rate("read-rate", 25);
    Bench.log("chaos run %s on %s: %.0f writes/s and %.0f reads/s over %d users", runId, arg("base-url"), writeRate,
        readRate, users.size());
    ChaosLoad load = new ChaosLoad(server, ledger, runId, users, writeRate, readRate);
    long started;
    long stopped;
    try (ChaosEvents events = new ChaosEvents(arg("kafka-config"), runId)) {
      // The server is ready, so warm: it is judged from the first request on. This JVM is not, and
      // it times every answer: it warms its own HTTP client first, on /health/live, not the API.
      server.warmClient(Duration.ofSeconds(seconds("client-warmup", 5)));
      users.forEach(server::token); // signed before the clock starts, as a client holds its token
      started = System.nanoTime();
      load.start();
      phase(load, "steady", Duration.ofSeconds(seconds("steady", 20)));

      // 1. Kafka away for 30 s: the API must not notice; events wait in the outbox.
      load.phase("kafka-down");
      long kafkaStopping = System.nanoTime();
      control("_broker", arg("profile"), "stop");
      long kafkaDown = System.nanoTime();
      hold(kafkaDown, Duration.ofSeconds(seconds("kafka-outage", 30)));
      long kafkaStarting = System.nanoTime();
      control("_broker", arg("profile"), "start");
      window("kafka-down", kafkaStopping);
      faults.add(String.format(Locale.ROOT, "Kafka down for %.1f s (stopping took %.1f s, starting %.1f s)",
          (kafkaStarting - kafkaDown) / 1e9, (kafkaDown - kafkaStopping) / 1e9, (System.nanoTime() - kafkaStarting) / 1e9));
      phase(load, "after-kafka", Duration.ofSeconds(seconds("settle", 20)));

      // 2. Liberty killed outright, then started again (as an orchestrator would); it is judged
      // again from the moment it reports ready, as a load balancer would send it traffic.
      load.phase("liberty-down");
      long killed = System.nanoTime();
      killLiberty();
      restartToReady = restartAndAwaitReady(server, killed);
      window("liberty-down", killed);
      faults.add(String.format(Locale.ROOT, "Liberty killed (SIGKILL) and ready again %.1f s later%s",
          restartToReady.toNanos() / 1e9, restartDetail));
      phase(load, "after-liberty", Duration.ofSeconds(seconds("settle", 20)));

      // 3. PostgreSQL away: 503 at once, then service again by itself.
      load.phase("postgres-stopping");
      long stopping = System.nanoTime();
      postgresStoppingNanos = stopping;
      control("_postgres", arg("profile"), "stop");
      window("postgres-stopping", stopping);
      load.phase("postgres-down");
      long pgDown = System.nanoTime();
      hold(pgDown, Duration.ofSeconds(seconds("postgres-outage", 10)));
      load.phase("postgres-starting");
      long starting = System.nanoTime();
      window("postgres-down", pgDown);
      control("_postgres", arg("profile"), "start");
      postgresBackNanos = System.nanoTime();
      window("postgres-starting", starting);
      faults.add(String.format(Locale.ROOT, "PostgreSQL down for %.1f s (stopping took %.1f s, starting %.1f s)",
          (starting - pgDown) / 1e9, (pgDown - stopping) / 1e9, (postgresBackNanos - starting) / 1e9));
      phase(load, "after-postgres", Duration.ofSeconds(seconds("settle", 20)));
      load.stop();
      stopped = System.nanoTime();
      Bench.log("load stopped; waiting for the outbox, reminders, successors and the event stream to settle");

      Instant deadline = settle(events);
      Map<Long, ChaosAudit.Row> rows = rows();
      List<ChaosAudit.Delivered> delivered = events.delivered();
      ChaosAudit.Report report = ChaosAudit.audit(ledger, rows, delivered, deadline);
      judgeLatency(load.samples());
      if (!ledger.unknownCreates().isEmpty()) {
        failures.add(ledger.unknownCreates().size() + " creations without an answer never got one, though repeated"
            + " with their Idempotency-Key for up to 3 minutes (e.g. " + ledger.unknownCreates().get(0) + ")");
      }
      remindersInFaults = remindersDueInFaults(rows);
      String summary = summary(load, report, delivered, (stopped - started) / 1e9, writeRate, readRate);
      System.out.println();
      System.out.print(summary);
      if (args.has("out")) {
        Files.createDirectories(Path.of(args.get("out")).getParent());
        Files.writeString(Path.of(args.get("out")), summary);
      }
      return failures.isEmpty() && report.violations.isEmpty();
    }
  }

  private void phase(ChaosLoad load, String name, Duration length) {
    load.phase(name);
    long from = System.nanoTime();
    Bench.log("%s for %d s", name, length.toSeconds());
    hold(from, length);
    window(name, from);
  }

  private record Window(Instant from, Instant to) {
    boolean holds(Instant at) {
      return !at.isBefore(from) && at.isBefore(to);
    }

    double seconds() {
      return Duration.between(from, to).toNanos() / 1e9;
    }
  }

  /** Records the phase that began at {@code from} (a System.nanoTime()) and ends now. */
  private void window(String name, long from) {
    Instant end = Instant.now();
    windows.put(name, new Window(end.minusNanos(System.nanoTime() - from), end));
  }

  /** The phase whose window holds {@code at} (broker timestamps have millisecond precision). */
  private String phaseAt(Instant at) {
    return windows.entrySet().stream().filter(w -> w.getValue().holds(at)).map(Map.Entry::getKey).findFirst()
        .orElse("after the load");
  }

  /** Reminders that fell due while a service was down (a fault window) and were still sent. */
  private long remindersDueInFaults(Map<Long, ChaosAudit.Row> rows) {
    return rows.values().stream().filter(r -> r.reminderSent() && r.remindAt() != null)
        .filter(r -> windows.entrySet().stream().anyMatch(w -> ChaosLoad.isOutage(w.getKey())
            && w.getValue().holds(r.remindAt())))
        .count();
  }

  private static void hold(long from, Duration length) {
    long until = from + length.toNanos();
    while (System.nanoTime() < until) {
      LockSupport.parkNanos(Math.min(until - System.nanoTime(), 100_000_000L));
    }
  }

  /** Runs a control command of ./taskflow (it knows how to stop and start each service of a profile). */
  private void control(String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of(arg("control")));
    line.addAll(List.of(command));
    Bench.log("fault control: %s", String.join(" ", command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(arg("control-log")).toFile())).start();
    if (!process.waitFor(200, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", line) + " failed; see " + arg("control-log"));
    }
  }

  /**
   * Starts Liberty again through the control script and answers the time from {@code killed} until
   * the server itself reports ready (polled every 250 ms here, not by the script's 1 s loop).
   */
  private Duration restartAndAwaitReady(Server server, long killed) throws Exception {
    List<String> line = List.of(arg("control"), "_liberty", arg("profile"), "start");
    Bench.log("fault control: _liberty %s start (until ready)", arg("profile"));
    Process process = new ProcessBuilder(line).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of(arg("control-log")).toFile())).start();
    long deadline = killed + Duration.ofMinutes(4).toNanos();
    long listening = 0;
    while (System.nanoTime() < deadline) {
      String health = server.health();
      if (health != null && listening == 0) {
        listening = System.nanoTime();
      }
      if (health != null && Server.isReady(health)) {
        Duration toReady = Duration.ofNanos(System.nanoTime() - killed);
        restartDetail = String.format(Locale.ROOT, " (answering health checks after %.1f s; warm-up %s)",
            (listening - killed) / 1e9, Server.warmupSummary(health));
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
          throw new IllegalStateException(String.join(" ", line) + " failed; see " + arg("control-log"));
        }
        if (toReady.compareTo(RESTART_TO_READY) > 0) {
          failures.add(String.format(Locale.ROOT, "Liberty took %.1f s from SIGKILL to ready (bound %d s)",
              toReady.toNanos() / 1e9, RESTART_TO_READY.toSeconds()));
        }
        return toReady;
      }
      LockSupport.parkNanos(250_000_000L);
    }
    process.destroy();
    throw new IllegalStateException("Liberty was not ready 4 minutes after the SIGKILL; see " + arg("control-log"));
  }

  private void killLiberty() throws Exception {
    long pid = Long.parseLong(Files.readString(Path.of(arg("liberty-pidfile"))).trim());
    ProcessHandle liberty = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("Liberty is not running"));
    Bench.log("fault: SIGKILL to Liberty (PID %d)", pid);
    liberty.destroyForcibly();
    liberty.onExit().get(30, TimeUnit.SECONDS);
  }

  /**
   * Waits (at most 3 minutes) until everything the run caused has happened: the outbox of the
   * run's users is empty, every reminder due has been claimed, every completed occurrence has its
   * successor, and the event reader has consumed all the topics hold. Answers the instant before
   * which every reminder must have been sent.
   */
  private Instant settle(ChaosEvents events) throws SQLException {
    long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    try (Connection db = database()) {
      while (System.nanoTime() < until) {
        long asked = System.nanoTime();
        long pending = count(db, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND user_id LIKE ?");
        // The run's reminders all fall within a minute of the load's end (series' ones are days away).
        // Reminders still owed: their window opens within 2 minutes and has not closed (a task that
        // became overdue unreminded is the audit's business, not something to wait for).
        long reminders = count(db, "SELECT count(*) FROM tasks WHERE user_id LIKE ? AND NOT completed"
            + " AND NOT reminder_sent AND remind_at < now() + interval '2 minutes' AND due_date > now()");
        long successors = count(db, "SELECT count(*) FROM tasks WHERE user_id LIKE ? AND completed"
            + " AND recurrence_rule IS NOT NULL AND successor_id IS NULL");
        if (pending == 0 && reminders == 0 && successors == 0) {
          long waitFrom = System.nanoTime();
          while (!events.caughtUpSince(asked) && System.nanoTime() - waitFrom < Duration.ofSeconds(30).toNanos()) {
            LockSupport.parkNanos(100_000_000L);
          }
          Bench.log("settled: outbox empty, reminders sent, successors created, events read");
          return Instant.now();
        }
        LockSupport.parkNanos(500_000_000L);
      }
    }
    failures.add("the run did not settle within 3 minutes of the load's end (outbox, reminders or successors)");
    return Instant.now();
  }

  private Connection database() throws SQLException {
    return DriverManager.getConnection(arg("jdbc-url"), arg("db-user"), arg("db-password"));
  }

  private long count(Connection db, String sql) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      statement.setString(1, runId + "-%");
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private Map<Long, ChaosAudit.Row> rows() throws SQLException {
    Map<Long, ChaosAudit.Row> rows = new HashMap<>();
    try (Connection db = database();
        PreparedStatement select = db.prepareStatement("SELECT id, title, completed, reminder_sent, remind_at,"
            + " successor_id, series_id, occurrence_index, created_at, due_date FROM tasks WHERE user_id LIKE ?")) {
      select.setString(1, runId + "-%");
      try (ResultSet r = select.executeQuery()) {
        while (r.next()) {
          rows.put(r.getLong(1), new ChaosAudit.Row(r.getLong(1), r.getString(2), r.getBoolean(3), r.getBoolean(4),
              instant(r.getTimestamp(5)), (Long) r.getObject(6), (Long) r.getObject(7), r.getInt(8),
              instant(r.getTimestamp(9)), instant(r.getTimestamp(10))));
        }
      }
    }
    return rows;
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private record PhaseStats(String name, double seconds, int requests, int ok, int unavailable503, int otherRefused,
      int serverErrors, int unanswered, Histogram latency) {

    double p(double percentile) {
      return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
    }

    double max() {
      return latency.getTotalCount() == 0 ? Double.NaN : latency.getMaxValue() / 1000.0;
    }
  }

  private List<PhaseStats> stats(List<ChaosLoad.Sample> samples) {
    List<PhaseStats> stats = new ArrayList<>();
    for (var entry : windows.entrySet()) {
      List<ChaosLoad.Sample> mine = samples.stream().filter(s -> s.phase().equals(entry.getKey())).toList();
      Histogram latency = new Histogram(Duration.ofMinutes(5).toNanos() / 1000, 3);
      mine.stream().filter(s -> s.status() > 0).forEach(s -> latency.recordValue(Math.min(s.latencyMicros(),
          latency.getHighestTrackableValue())));
      stats.add(new PhaseStats(entry.getKey(), entry.getValue().seconds(), mine.size(),
          (int) mine.stream().filter(s -> s.status() / 100 == 2).count(),
          (int) mine.stream().filter(s -> s.status() == 503).count(),
          (int) mine.stream().filter(s -> s.status() / 100 == 4).count(),
          (int) mine.stream().filter(s -> s.status() / 100 == 5 && s.status() != 503).count(),
          (int) mine.stream().filter(s -> s.status() < 0).count(), latency));
    }
    return stats;
  }

  /** The promises about answers: none lost or failed while Kafka is away; prompt 503s and a quick recovery for PostgreSQL. */
  private void judgeLatency(List<ChaosLoad.Sample> samples) {
    for (PhaseStats phase : stats(samples)) {
      if (phase.serverErrors() > 0 && !phase.name().equals("liberty-down")) {
        failures.add(phase.serverErrors() + " answers of 500 or another non-503 server error during " + phase.name());
      }
      boolean mustServe = SERVING.contains(phase.name());
      int refused = phase.requests() - phase.ok() - phase.unanswered();
      if (mustServe && refused > 0) {
        failures.add(refused + " of " + phase.requests() + " requests got an error answer during " + phase.name()
            + " (every one must succeed)");
      }
      if (mustServe && phase.unanswered() > 0) {
        failures.add(phase.unanswered() + " of " + phase.requests() + " requests got no answer during "
            + phase.name() + " (every one must be answered)");
      }
      if (FAST.contains(phase.name()) && phase.p(99) > SERVING_P99.toMillis()) {
        failures.add(String.format(Locale.ROOT, "p99 %.0f ms during %s (limit %d ms)", phase.p(99), phase.name(),
            SERVING_P99.toMillis()));
      }
    }
    List<ChaosLoad.Sample> down = samples.stream().filter(s -> s.phase().equals("postgres-down")).toList();
    long notPrompt503 = down.stream().filter(s -> s.status() != 503 || !s.problemJson()
        || s.latencyMicros() > OUTAGE_ANSWER.toNanos() / 1000).count();
    if (down.isEmpty()) {
      failures.add("no request fell into the PostgreSQL outage");
    } else if (notPrompt503 > 0) {
      failures.add(notPrompt503 + " of " + down.size() + " requests during the PostgreSQL outage were not a 503"
          + " problem+json within " + OUTAGE_ANSWER.toSeconds() + " s");
    }
    // Recovery: the first success among requests sent once PostgreSQL accepted connections again.
    long firstOk = samples.stream().filter(s -> s.dueNanos() >= postgresBackNanos && s.status() / 100 == 2)
        .mapToLong(s -> s.dueNanos() + s.latencyMicros() * 1000).min().orElse(Long.MAX_VALUE);
    postgresRecovery = firstOk == Long.MAX_VALUE ? null : Duration.ofNanos(Math.max(0, firstOk - postgresBackNanos));
    long failedAfter = samples.stream().filter(s -> s.dueNanos() >= postgresBackNanos + RECOVERY.toNanos()
        && s.status() / 100 != 2).count();
    if (postgresRecovery == null || postgresRecovery.compareTo(RECOVERY) > 0 || failedAfter > 0) {
      failures.add("the API did not serve again within " + RECOVERY.toSeconds() + " s of PostgreSQL's return"
          + (failedAfter > 0 ? " (" + failedAfter + " requests failed later still)" : ""));
    }
  }

  private String summary(ChaosLoad load, ChaosAudit.Report report, List<ChaosAudit.Delivered> delivered,
      double loadSeconds, double writeRate, double readRate) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Chaos run %s: %.0f writes/s + %.0f reads/s for %.0f s%n%n", runId, writeRate,
        readRate, loadSeconds));
    out.append(String.format(Locale.ROOT, "%-18s %6s %8s %6s %6s %6s %6s %9s %8s %8s %8s%n", "phase", "secs", "requests",
        "2xx", "503", "4xx", "5xx", "no answer", "p50 ms", "p99 ms", "max ms"));
    List<ChaosLoad.Sample> samples = load.samples();
    for (PhaseStats p : stats(samples)) {
      out.append(String.format(Locale.ROOT, "%-18s %6.1f %8d %6d %6d %6d %6d %9d %8.1f %8.1f %8.1f%n", p.name(),
          p.seconds(), p.requests(), p.ok(), p.unavailable503(), p.otherRefused(), p.serverErrors(), p.unanswered(),
          p.p(50), p.p(99), p.max()));
    }
    List<ChaosLoad.Sample> down = samples.stream().filter(s -> s.phase().equals("postgres-down")).toList();
    double slowest503 = down.stream().filter(s -> s.status() == 503).mapToLong(ChaosLoad.Sample::latencyMicros).max()
        .orElse(0) / 1000.0;
    out.append(String.format(Locale.ROOT, "%nLoad held: %s%n", failures.stream().noneMatch(f -> f.contains("during")
        || f.contains("p99")) ? "yes (outside the Liberty and PostgreSQL outages every request was answered"
            + " with a success)" : "NO"));
    out.append("Faults injected: ").append(String.join("; ", faults)).append('\n');
    out.append(String.format(Locale.ROOT, "PostgreSQL outage: slowest 503 %.0f ms; served again %s after it was back%n",
        slowest503, postgresRecovery == null ? "never" : String.format(Locale.ROOT, "%.2f s",
            postgresRecovery.toNanos() / 1e9)));
    // Which answers were slow, and when they were due: the margin to the promise is thin here.
    String slowest = down.stream().sorted((a, b) -> Long.compare(b.latencyMicros(), a.latencyMicros())).limit(5)
        .map(s -> String.format(Locale.ROOT, "%s %d in %.0f ms, due %+.2f s from the stop", s.write() ? "write" : "read",
            s.status(), s.latencyMicros() / 1000.0, (s.dueNanos() - postgresStoppingNanos) / 1e9))
        .collect(Collectors.joining("; "));
    out.append("  slowest during the outage: ").append(slowest.isEmpty() ? "none" : slowest).append('\n');
    out.append(String.format(Locale.ROOT, "Writes acknowledged: %d %s%n", report.acknowledgedTotal(), report.acknowledged));
    out.append(String.format(Locale.ROOT, "Writes found:        %d %s%n", report.foundTotal(), report.found));
    out.append(String.format(Locale.ROOT,
        "Writes refused (non-2xx, must not apply): %d; unanswered: %d (creations never answered that took"
            + " effect: %d); creations repeated with their Idempotency-Key after a lost answer: %d (%d settled,"
            + " each one task); requests shed: %d%n",
        report.refused + ledger.refusedCreates().size(), report.unknown + ledger.unknownCreates().size(),
        report.unknownCreatesApplied, load.repeats(), ledger.settledCreates().size(), load.shed()));
    long reminders = delivered.stream().filter(d -> d.topic().equals(ChaosAudit.REMINDERS)).count();
    out.append(String.format(Locale.ROOT,
        "Events delivered: %d distinct (%d records: %d task events, %d reminders); redelivered (same id): %d;"
            + " duplicates: %d; missing: %d; out of order: %d%n",
        report.eventsDelivered, delivered.size(), delivered.size() - reminders, reminders, report.transportDuplicates,
        report.logicalDuplicates, report.eventsMissing, report.outOfOrder));
    if (!report.redeliveries.isEmpty()) {
      Map<String, Integer> byPhase = new LinkedHashMap<>();
      report.redeliveries.forEach(d -> byPhase.merge(phaseAt(d.appended()), 1, Integer::sum));
      out.append("  redelivered records appended during: ").append(byPhase).append('\n');
    }
    out.append(String.format(Locale.ROOT, "Reminders due: %d, sent exactly once: %d (%d fell due while a service was"
        + " down)%n", report.remindersExpected, report.remindersDelivered, remindersInFaults));
    out.append(String.format(Locale.ROOT, "Recurring completions: %d, with exactly one successor: %d%n",
        report.successorsExpected, report.successorsFound));
    load.unansweredReasons().forEach((reason, count) -> out.append(String.format(Locale.ROOT,
        "  no answer x%d  %s%n", count, reason)));
    List<String> broken = new ArrayList<>(failures);
    broken.addAll(report.violations);
    if (broken.isEmpty()) {
      out.append("Verdict: PASS\n");
    } else {
      out.append("Verdict: FAIL (").append(broken.size()).append(" broken promises)\n");
      broken.stream().limit(40).forEach(v -> out.append("  - ").append(v).append('\n'));
    }
    return out.toString();
  }
}
