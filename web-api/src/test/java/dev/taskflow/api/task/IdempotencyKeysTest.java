package dev.taskflow.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskflow.api.problem.ProblemException;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

  @Test
  void acceptsTokensAndQuotedStrings() {
    assertThat(IdempotencyKeys.of(null)).isNull();
    assertThat(IdempotencyKeys.of("8e03978e-40d5-43e8-bc93-6894a57f9324")).isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
    assertThat(IdempotencyKeys.of("\"create-42\"")).isEqualTo("create-42");
    assertThat(IdempotencyKeys.of("x".repeat(255))).hasSize(255);
  }

  @Test
  void refusesEmptyLongAndInvisibleKeysNamingTheHeader() {
    for (String bad : new String[] {"", "\"\"", "x".repeat(256), "two words", "tab\there", "caf\u00e9", "nul\u0000"}) {
      assertThatThrownBy(() -> IdempotencyKeys.of(bad)).as(bad).isInstanceOfSatisfying(ProblemException.class, e -> {
        assertThat(e.problem().status()).isEqualTo(400);
        assertThat(e.problem().errors()).extracting(f -> f.field()).containsExactly("Idempotency-Key");
      });
    }
  }
}
