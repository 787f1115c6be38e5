package dev.taskflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the server process's resident memory (VmRSS) every second; keeps the maximum. */
final class MemoryWatch implements AutoCloseable {

  private final long pid;
  private final AtomicLong maxKb = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  MemoryWatch(long pid) {
    this.pid = pid;
    this.thread = new Thread(this::sample, "bench-rss");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    Path status = Path.of("/proc", String.valueOf(pid), "status");
    while (running && pid > 0) {
      try {
        for (String line : Files.readAllLines(status)) {
          if (line.startsWith("VmRSS:")) {
            long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
            maxKb.accumulateAndGet(kb, Math::max);
          }
        }
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000_000L);
      } catch (Exception e) {
        return; // the process is gone
      }
    }
  }

  double maxMb() {
    return maxKb.get() / 1024.0;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
