package dev.taskflow.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;

/**
 * {@code ./taskflow startup}: how a freshly started server serves. Starts Liberty (through
 * {@code ./taskflow _liberty P start}), measures start to ready and the CPU the JVM spent getting
 * there, then sends the fault suite's load from the moment of readiness and prints latency and
 * the server's CPU per 5-second window. docs/PERFORMANCE.md ("Start-up") holds its figures.
 */
public final class ColdStart {

  private final Args args;

  private ColdStart(Args args) {
    this.args = args;
  }

  public static void main(String[] argv) throws Exception {
    new ColdStart(Args.parse(argv)).run();
    System.exit(0);
  }

  /** One start: seconds to ready and the JVM's CPU seconds by then. */
  private record Start(double readySeconds, double cpuSecondsAtReady, long pid) {}

  private Start start(Server server) throws Exception {
    long begin = System.nanoTime();
    Process process = new ProcessBuilder(args.get("control"), "_liberty", args.get("profile"), "start")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    double readySeconds = Double.NaN;
    while (System.nanoTime() - begin < Duration.ofMinutes(5).toNanos()) {
      String health = server.health();
      if (health != null && Server.isReady(health)) {
        readySeconds = (System.nanoTime() - begin) / 1e9;
        break;
      }
      LockSupport.parkNanos(250_000_000L);
    }
    long pid = Long.parseLong(Files.readString(Path.of(args.get("liberty-pidfile"))).trim());
    double cpu = cpuSeconds(pid);
    process.waitFor(60, TimeUnit.SECONDS);
    return new Start(readySeconds, cpu, pid);
  }

  /** User + system CPU of a process, in seconds, from /proc (clock ticks of 100 Hz). */
  static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  private void run() throws Exception {
    Server server = new Server(URI.create(args.get("base-url")), Path.of(args.get("private-key")));
    String runId = "startup-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> users = IntStream.range(0, 20).mapToObj(i -> runId + "-user" + i).toList();
    users.forEach(server::token);
    Start start = start(server);
    Bench.log("ready after %.1f s; server CPU by then %.1f s", start.readySeconds(), start.cpuSecondsAtReady());
    // This JVM times every answer: its own HTTP client warms up first, on /health/live.
    server.warmClient(Duration.ofSeconds(args.number("client-warmup", 5)));
    ChaosLoad load = new ChaosLoad(server, new ChaosLedger(), runId, users, args.rate("write-rate", 50),
        args.rate("read-rate", 25));
    int windows = args.number("windows", 12);
    List<Double> cpu = new ArrayList<>();
    load.phase("w00");
    load.start();
    cpu.add(cpuSeconds(start.pid()));
    long t0 = System.nanoTime();
    for (int w = 1; w <= windows; w++) {
      long until = t0 + w * 5_000_000_000L;
      while (System.nanoTime() < until) {
        LockSupport.parkNanos(Math.min(until - System.nanoTime(), 50_000_000L));
      }
      cpu.add(cpuSeconds(start.pid()));
      load.phase(String.format(Locale.ROOT, "w%02d", w));
    }
    load.stop();
    System.out.printf(Locale.ROOT, "%nready %.1f s after start, JVM CPU by then %.1f s; then %.0f writes/s + %.0f"
        + " reads/s (client warmed %d s first)%n", start.readySeconds(), start.cpuSecondsAtReady(),
        args.rate("write-rate", 50), args.rate("read-rate", 25), args.number("client-warmup", 5));
    System.out.printf(Locale.ROOT, "%-8s %8s %8s %8s %8s %8s %11s%n", "window", "requests", "errors", "p50 ms",
        "p99 ms", "max ms", "server cpu%");
    for (int w = 0; w < windows; w++) {
      String name = String.format(Locale.ROOT, "w%02d", w);
      Histogram h = new Histogram(Duration.ofMinutes(5).toNanos() / 1000, 3);
      int requests = 0;
      int errors = 0;
      for (ChaosLoad.Sample s : load.samples()) {
        if (s.phase().equals(name)) {
          requests++;
          errors += s.status() / 100 == 2 ? 0 : 1;
          h.recordValue(Math.min(s.latencyMicros(), h.getHighestTrackableValue()));
        }
      }
      System.out.printf(Locale.ROOT, "%3d-%-3ds %8d %8d %8.1f %8.1f %8.1f %11.0f%n", w * 5, w * 5 + 5, requests,
          errors, h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0,
          (cpu.get(w + 1) - cpu.get(w)) / 5 * 100);
    }
  }
}
