package dev.taskflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** Fault injection on the real test stack: the broker, the database and the Liberty server. */
final class Stack {

  private Stack() {}

  static void stopBroker() {
    run(List.of(System.getProperty("taskflow.control"), "_broker", "test", "stop"));
  }

  static void startBroker() {
    run(List.of(System.getProperty("taskflow.control"), "_broker", "test", "start"));
  }

  static void stopDatabase() {
    run(List.of(System.getProperty("taskflow.control"), "_postgres", "test", "stop"));
  }

  static void startDatabase() {
    run(List.of(System.getProperty("taskflow.control"), "_postgres", "test", "start"));
  }

  static Path libertyDir() {
    return Path.of(System.getProperty("taskflow.liberty.dir"));
  }

  /** SIGKILL: no shutdown hook, no graceful anything, like a crashed pod. */
  static void killLiberty() throws Exception {
    long pid = Long.parseLong(Files.readString(libertyDir().resolve("usr/servers/.pid/taskflow.pid")).trim());
    ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("Liberty is not running"));
    server.destroyForcibly();
    server.onExit().get(30, TimeUnit.SECONDS);
  }

  /** Starts the test server again with the environment ./taskflow test gave this JVM. */
  static void startLiberty() {
    startLibertyNoWait();
    awaitReady();
  }

  /** Starts the test server again and returns while it is still starting and warming up. */
  static void startLibertyNoWait() {
    run(List.of(libertyDir().resolve("bin/server").toString(), "start", "taskflow"));
  }

  static void awaitReady() {
    awaitReady(Api.BASE_URL);
  }

  /**
   * Waits until the server at {@code base} is ready: its database check and its warm-up report UP
   * (a server whose application is still starting has no checks at all).
   */
  static void awaitReady(String base) {
    Awaitility.await("Liberty ready at " + base)
        .atMost(Duration.ofSeconds(240))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> isReady(Api.sendTo(base, null, "GET", "/health/ready", null, null).body()));
  }

  static boolean isReady(String health) {
    return health.contains("\"name\":\"database\",\"status\":\"UP\"")
        && health.contains("\"name\":\"warmup\",\"status\":\"UP\"");
  }

  /** The server's own log, where reminders are logged: JSON lines (server.xml's logging). */
  static Path messagesLog(String server) {
    return libertyDir().resolve("usr/servers/" + server + "/logs/messages.log");
  }

  /**
   * The {@code message} of every line of the server's log. Liberty starts the file with a plain-text
   * banner (product, Java, process); after it, a line that is not a JSON object fails.
   */
  static java.util.List<String> logMessages(String server) throws IOException {
    java.util.List<String> messages = new java.util.ArrayList<>();
    boolean inBanner = true;
    for (String line : Files.readAllLines(messagesLog(server), java.nio.charset.StandardCharsets.UTF_8)) {
      inBanner &= !line.startsWith("{");
      if (line.isBlank() || inBanner) {
        continue;
      }
      try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(line))) {
        messages.add(reader.readObject().getString("message", ""));
      } catch (RuntimeException e) {
        throw new AssertionError("not a JSON log line: " + line, e);
      }
    }
    return messages;
  }

  /**
   * A second server on the same database and broker ("two replicas"), from the test server's
   * configuration and application, on HTTP port {@code port}.
   */
  static void startSecondServer(String name, int port) throws IOException {
    Path source = libertyDir().resolve("usr/servers/taskflow");
    Path target = libertyDir().resolve("usr/servers/" + name);
    // Always a fresh copy: a copy left by an earlier build would run yesterday's application.
    if (Files.exists(target)) {
      try (var old = Files.walk(target)) {
        for (Path file : (Iterable<Path>) old.sorted(java.util.Comparator.reverseOrder())::iterator) {
          Files.delete(file);
        }
      }
    }
    // The running server writes its logs, workarea and tranlog meanwhile: skip those subtrees.
    Files.walkFileTree(source, new java.nio.file.SimpleFileVisitor<>() {
      @Override
      public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes a)
          throws IOException {
        Path relative = source.relativize(dir);
        if (relative.startsWith("logs") || relative.startsWith("workarea") || relative.startsWith("tranlog")) {
          return java.nio.file.FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(target.resolve(relative.toString()));
        return java.nio.file.FileVisitResult.CONTINUE;
      }

      @Override
      public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a)
          throws IOException {
        Files.copy(file, target.resolve(source.relativize(file).toString()));
        return java.nio.file.FileVisitResult.CONTINUE;
      }
    });
    run(
        List.of(libertyDir().resolve("bin/server").toString(), "start", name),
        java.util.Map.of("HTTP_PORT", String.valueOf(port), "HTTPS_PORT", String.valueOf(port + 363)));
  }

  static void stopServer(String name) {
    run(List.of(libertyDir().resolve("bin/server").toString(), "stop", name));
  }

  private static void run(List<String> command) {
    run(command, java.util.Map.of());
  }

  private static void run(List<String> command, java.util.Map<String, String> environment) {
    try {
      // Not inheritIO: the forked test JVM's stdout is the build's channel to it.
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(environment);
      Process process =
          builder
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "stack-control.log").toFile()))
              .start();
      assertThat(process.waitFor(180, TimeUnit.SECONDS)).as(command + " finished").isTrue();
      assertThat(process.exitValue()).as(command + " exit code").isZero();
    } catch (IOException e) {
      throw new AssertionError(command + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(command + " interrupted", e);
    }
  }
}
