package dev.taskflow.api.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class SettlingTest {

  private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

  private static Settling.Window window(double meanMillis) {
    return new Settling.Window(TWO_SECONDS, 200, meanMillis, 0);
  }

  /** The window (1-based) at which the warm-up settles over these mean latencies, or 0. */
  private static int settlesAt(double... means) {
    Settling settling = new Settling();
    for (int i = 0; i < means.length; i++) {
      if (settling.add(window(means[i]))) {
        return i + 1;
      }
    }
    return 0;
  }

  @Test
  void steadilyFallingLatencyNeverSettles() {
    double[] halving = DoubleStream.iterate(1000, m -> m * 0.85).limit(40).toArray();
    assertThat(settlesAt(halving)).isZero();
  }

  @Test
  void aFlatLatencySettlesAfterEightWindows() {
    assertThat(settlesAt(10, 10, 10, 10, 10, 10, 10, 10, 10, 10)).as("3 smoothed + 5 back").isEqualTo(8);
  }

  @Test
  void slowerMachinesSettleHigher() {
    assertThat(settlesAt(300, 120, 80, 78, 75, 80, 77, 76, 79, 78)).isEqualTo(10);
  }

  @Test
  void oneNoisyWindowDoesNotHoldItBack() {
    assertThat(settlesAt(50, 20, 12, 10, 10, 11, 10, 25, 10, 10)).isBetween(8, 10);
  }

  @Test
  void anEmptyWindowNeverSettles() {
    Settling settling = new Settling();
    for (int i = 0; i < 9; i++) {
      settling.add(window(10));
    }
    assertThat(settling.add(new Settling.Window(TWO_SECONDS, 0, 0, 0))).as("no request answered").isFalse();
  }

  /** Traces measured on the 2-core development machine (docs/PERFORMANCE.md). */
  @Test
  void measuredTracesSettleWhereTheCurveFlattens() {
    // C1 only: compiled in ~10 s, flat at ~8 ms
    assertThat(settlesAt(50.4, 16.3, 13.5, 14.0, 9.7, 8.7, 8.7, 8.5, 8.9, 8.6, 8.7, 8.4)).isBetween(9, 12);
    // tiered C1 + C2: keeps improving for a minute; settles once ten seconds bought less than 10%
    double[] tiered = {68.7, 36.6, 30.9, 28.0, 26.9, 28.2, 24.9, 23.1, 17.6, 15.6, 14.0, 11.2, 11.7, 11.5, 11.0, 10.7,
        10.1, 10.9, 11.8, 10.3, 10.2, 9.1, 9.3, 9.9, 9.4, 9.1, 8.5, 16.6, 8.3, 7.0, 7.9, 8.6, 7.4, 7.2, 6.9};
    assertThat(settlesAt(tiered)).isBetween(16, 22);
  }
}
