package dev.taskflow.api.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class WarmupSecretTest {

  private final WarmupSecret secret = new WarmupSecret(new SecureRandom());

  @Test
  void isLongRandomAndNeverPrinted() {
    assertThat(secret.text()).matches("[0-9a-f]{64}");
    assertThat(new WarmupSecret(new SecureRandom()).text()).isNotEqualTo(secret.text());
    assertThat(secret.toString()).doesNotContain(secret.text());
  }

  @Test
  void admitsOnlyTheExactSecretFromThisMachine() {
    assertThat(secret.admits(secret.text(), "127.0.0.1", "127.0.0.1")).isTrue();
    assertThat(secret.admits(secret.text(), "0:0:0:0:0:0:0:1", "0:0:0:0:0:0:0:1")).isTrue();
    assertThat(secret.admits(secret.text(), "10.1.2.3", "10.1.2.3")).as("to its own address").isTrue();
    assertThat(secret.admits(secret.text(), "127.0.0.5", "10.1.2.3")).as("any loopback address").isTrue();

    assertThat(secret.admits(secret.text(), "10.1.2.4", "10.1.2.3")).as("another machine").isFalse();
    assertThat(secret.admits(secret.text(), null, "127.0.0.1")).isFalse();
    assertThat(secret.admits(secret.text(), "localhost", "10.1.2.3")).as("names are not resolved").isFalse();
    assertThat(secret.admits(secret.text().toUpperCase(), "127.0.0.1", "127.0.0.1")).isFalse();
    assertThat(secret.admits(secret.text().substring(1), "127.0.0.1", "127.0.0.1")).isFalse();
    assertThat(secret.admits("", "127.0.0.1", "127.0.0.1")).isFalse();
    assertThat(secret.admits(null, "127.0.0.1", "127.0.0.1")).isFalse();
  }
}
