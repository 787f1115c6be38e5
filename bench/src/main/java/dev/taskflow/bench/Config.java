package dev.taskflow.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The command line: where everything is, and how big and long the run is. */
record Config(URI baseUrl, String dbHost, int dbPort, String dbName, String dbUser, String dbPassword, String kafka,
    Path privateKey, String pgbench, String kafkaLibs, Path out, long libertyPid, boolean quick, int tasks,
    int users, java.util.Set<String> only) {

  static Config parse(String[] args) {
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      if (arg.startsWith("--")) {
        int eq = arg.indexOf('=');
        a.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
      }
    }
    boolean quick = a.containsKey("quick");
    return new Config(URI.create(a.getOrDefault("base-url", "http://localhost:29080")),
        a.getOrDefault("db-host", "127.0.0.1"), Integer.parseInt(a.getOrDefault("db-port", "5432")),
        a.getOrDefault("db-name", "taskflow_bench"), a.getOrDefault("db-user", "taskflow"),
        a.getOrDefault("db-password", "taskflow"), a.getOrDefault("kafka-config", ".taskflow/bench/kafka-auth/admin.properties"),
        Path.of(a.getOrDefault("private-key", ".taskflow/bench/jwt/private.pem")), a.getOrDefault("pgbench", "pgbench"),
        a.getOrDefault("kafka-libs", ".taskflow/kafka-libs"), Path.of(a.getOrDefault("out", "bench/results")),
        Long.parseLong(a.getOrDefault("liberty-pid", "0")), quick,
        Integer.parseInt(a.getOrDefault("tasks", quick ? "100000" : "1000000")),
        Integer.parseInt(a.getOrDefault("users", quick ? "1000" : "10000")),
        a.containsKey("only") ? java.util.Set.of(a.get("only").split(",")) : java.util.Set.of());
  }

  /** Whether a phase runs: all of them unless {@code --only=a,b} names some (prefixes count: "search"). */
  boolean runs(String phase) {
    return only.isEmpty() || only.stream().anyMatch(phase::startsWith);
  }

  String jdbcUrl() {
    return "jdbc:postgresql://" + dbHost + ":" + dbPort + "/" + dbName;
  }

  /** How long each fixed-rate step runs. */
  Duration step() {
    return quick ? Duration.ofSeconds(6) : Duration.ofSeconds(20);
  }

  int reminderTasks() {
    return quick ? 2_000 : 10_000;
  }
}
