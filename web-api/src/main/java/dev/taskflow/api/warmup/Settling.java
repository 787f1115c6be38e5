package dev.taskflow.api.warmup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * When the warm-up may stop: the latency of its requests has stopped falling. Fed one
 * {@link Window} at a time; pure logic.
 *
 * <p>Settled when the mean latency of the last {@link #SMOOTHING} windows is less than
 * {@link #GAIN} below the same mean {@link #LOOKBACK} windows earlier: over the last ten seconds
 * (with 2-second windows) the JIT no longer bought a tenth. The level does not matter, so a slower
 * machine settles higher; C2 may still be compiling, which costs some CPU after ready but no
 * longer much latency. The JIT's compilation time is recorded for the log, not judged: with
 * tiered compilation it stays busy for minutes on two cores.
 */
public final class Settling {

  /** Windows averaged, so one noisy window neither settles nor unsettles. */
  static final int SMOOTHING = 3;
  /** How far back the comparison looks, in windows. */
  static final int LOOKBACK = 5;
  /** The relative improvement over {@link #LOOKBACK} windows below which latency has settled. */
  static final double GAIN = 0.10;

  /** One measuring window: requests answered, their mean latency, and the JIT's compilation time in it. */
  public record Window(Duration length, int requests, double meanMillis, long jitMillis) {

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d req, mean %.1f ms, JIT %d ms", requests, meanMillis, jitMillis);
    }
  }

  private final List<Window> windows = new ArrayList<>();

  /** Adds a window and answers whether the warm-up has settled. */
  public boolean add(Window window) {
    windows.add(window);
    return settled();
  }

  public boolean settled() {
    int n = windows.size();
    if (n < LOOKBACK + SMOOTHING) {
      return false;
    }
    if (windows.subList(n - SMOOTHING, n).stream().anyMatch(w -> w.requests() == 0)) {
      return false;
    }
    double now = smoothed(n);
    double before = smoothed(n - LOOKBACK);
    return now >= before * (1 - GAIN);
  }

  /** The mean latency of the {@link #SMOOTHING} windows ending before index {@code end}, weighted by requests. */
  private double smoothed(int end) {
    double total = 0;
    long requests = 0;
    for (Window w : windows.subList(end - SMOOTHING, end)) {
      total += w.meanMillis() * w.requests();
      requests += w.requests();
    }
    return requests == 0 ? Double.MAX_VALUE : total / requests;
  }

  public List<Window> windows() {
    return List.copyOf(windows);
  }
}
