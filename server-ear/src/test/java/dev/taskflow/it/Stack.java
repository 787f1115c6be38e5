package dev.taskflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** Fault injection on the real test stack: the broker and the Liberty server. */
final class Stack {

  private Stack() {}

  static void stopBroker() {
    run(List.of(System.getProperty("taskflow.control"), "_broker", "test", "stop"));
  }

  static void startBroker() {
    run(List.of(System.getProperty("taskflow.control"), "_broker", "test", "start"));
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
    run(List.of(libertyDir().resolve("bin/server").toString(), "start", "taskflow"));
    awaitReady();
  }

  static void awaitReady() {
    Awaitility.await("Liberty ready")
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> Api.send(null, "GET", "/health/ready", null, null).body().contains("\"name\":\"database\",\"status\":\"UP\""));
  }

  private static void run(List<String> command) {
    try {
      // Not inheritIO: the forked test JVM's stdout is the build's channel to it.
      Process process =
          new ProcessBuilder(command)
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
