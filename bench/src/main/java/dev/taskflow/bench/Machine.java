package dev.taskflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** A one-line description of the machine the figures come from. */
final class Machine {

  private Machine() {}

  static String describe() {
    String cpu = "unknown CPU";
    long memKb = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).strip();
          break;
        }
      }
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (Exception e) {
      // not Linux: keep what we have
    }
    return String.format("%d cores (%s), %.0f GB RAM, Java %s, everything on one host",
        Runtime.getRuntime().availableProcessors(), cpu, memKb / 1024.0 / 1024.0, System.getProperty("java.version"));
  }
}
