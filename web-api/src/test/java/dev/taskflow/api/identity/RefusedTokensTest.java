package dev.taskflow.api.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefusedTokensTest {

  @Test
  void theFirstRefusalIsLoggedThenOneLineAMinuteWithTheCount() {
    long[] now = {0};
    List<String> lines = new ArrayList<>();
    RefusedTokens refused = new RefusedTokens(() -> now[0], lines::add);

    refused.record();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("A bearer token was refused");

    for (int i = 0; i < 500; i++) {
      now[0] += 100_000_000L; // every 0.1 s for 50 s
      refused.record();
    }
    assertThat(lines).as("no line per request").hasSize(1);

    now[0] += 10_000_000_000L; // 60 s after the first
    refused.record();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith("501 bearer token(s) refused in the last 60 s");
  }

  @Test
  void nothingOfTheTokenIsEverLogged() {
    List<String> lines = new ArrayList<>();
    new RefusedTokens(() -> 0, lines::add).record();
    assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("eyJ").hasSizeLessThan(250));
  }
}
