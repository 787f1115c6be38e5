package dev.taskflow.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/** The raw engines on the same machine in the same run: pgbench and Kafka's ProducerPerformance. */
final class Baselines {

  /** The same writes as a create: the task row (dictionary trigger included) and its outbox row, one transaction. */
  static final String CREATE_SCRIPT = """
      \\set uid random(0, 9998)
      BEGIN;
      INSERT INTO tasks (user_id, title, description, priority, category, tags, due_date, time_zone, remind_before_minutes) VALUES ('run-pgbench-' || :uid, 'pgbench Prepare the quarterly report for Anna', 'Remember to review the budget with Ben before the board minutes.', 'high', 'Work', '{urgent}', now() + interval '3 days', 'UTC', 60) RETURNING id AS task_id \\gset
      INSERT INTO outbox_event (event_id, topic, event_key, event_type, payload, published_at) VALUES (gen_random_uuid(), 'task-events', CAST(:task_id AS text), 'taskflow.task.created', '%s', now());
      COMMIT;
      """;

  static final String GET_SCRIPT = """
      \\set id random(1, %d)
      SELECT * FROM tasks WHERE id = :id;
      """;

  private final Config config;
  private final Path work;

  Baselines(Config config) throws IOException {
    this.config = config;
    this.work = Files.createTempDirectory("taskflow-bench");
  }

  /** pgbench's transactions per second for the create writes, {@code clients} connections. */
  double pgbenchCreateRate(int seconds, int clients, String payload) throws Exception {
    Path script = work.resolve("create.sql");
    Files.writeString(script, CREATE_SCRIPT.formatted(payload.replace("'", "''")));
    String out = pgbench(List.of("-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds),
        "-f", script.toString()));
    Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
    if (!tps.find()) {
      throw new IllegalStateException("pgbench printed no tps:\n" + out);
    }
    return Double.parseDouble(tps.group(1));
  }

  /** pgbench primary-key reads at a fixed rate; latency per transaction including schedule lag, in µs. */
  Histogram pgbenchGet(int rate, int seconds, long maxId) throws Exception {
    Path script = work.resolve("get.sql");
    Files.writeString(script, GET_SCRIPT.formatted(maxId));
    Path logs = Files.createDirectories(work.resolve("get-logs"));
    pgbench(List.of("-c", "2", "-j", "1", "-R", String.valueOf(rate), "-T", String.valueOf(seconds), "-l",
        "--log-prefix=" + logs.resolve("get"), "-f", script.toString()));
    Histogram latency = new Histogram(3_600_000_000L, 3);
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.toList()) {
        for (String line : Files.readAllLines(file)) {
          String[] f = line.trim().split("\\s+");
          if (f.length >= 7) {
            latency.recordValue(Long.parseLong(f[2]) + Long.parseLong(f[6]));
          } else if (f.length >= 3) {
            latency.recordValue(Long.parseLong(f[2]));
          }
        }
      }
    }
    return latency;
  }

  private String pgbench(List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of(config.pgbench(), "-n", "-h", config.dbHost(), "-p",
        String.valueOf(config.dbPort()), "-U", config.dbUser()));
    command.addAll(args);
    command.add(config.dbName());
    return run(command, "PGPASSWORD", config.dbPassword());
  }

  /** Kafka's own ProducerPerformance at {@code rate} records/s with our producer's settings; its p95 in ms. */
  double[] producerPerformance(String topic, int rate, int records, int recordSize) throws Exception {
    String out = run(List.of("java", "-Xmx256m", "-cp", config.kafkaLibs() + "/*",
        "org.apache.kafka.tools.ProducerPerformance", "--topic", topic, "--num-records", String.valueOf(records),
        "--record-size", String.valueOf(recordSize), "--throughput", String.valueOf(rate), "--producer.config",
        config.kafka(), "--producer-props", "acks=all", "enable.idempotence=true",
        "max.in.flight.requests.per.connection=1", "linger.ms=1"), null, null);
    Matcher m = Pattern.compile("records sent, ([0-9.]+) records/sec .*?([0-9.]+) ms avg latency.*?([0-9]+) ms 50th, "
        + "([0-9]+) ms 95th, ([0-9]+) ms 99th").matcher(out);
    double[] last = null;
    while (m.find()) {
      last = new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(3)),
          Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5))};
    }
    if (last == null) {
      throw new IllegalStateException("ProducerPerformance printed no summary:\n" + out);
    }
    return last; // rate, p50, p95, p99
  }

  private static String run(List<String> command, String envName, String envValue) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (envName != null) {
      builder.environment().put(envName, envValue);
    }
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
