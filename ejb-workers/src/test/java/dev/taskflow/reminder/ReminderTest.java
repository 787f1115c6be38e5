package dev.taskflow.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReminderTest {

  @Test
  void theLineKeepsItsFormat() {
    assertThat(new Reminder(42, "Pay rent", 30, 0).logLine())
        .isEqualTo("\uD83D\uDD14 REMINDER: Task 'Pay rent' (ID: 42) is due in 30 minutes");
    assertThat(new Reminder(7, "Café ☕ 会議 👍", 5, 0).logLine()).contains("'Café ☕ 会議 👍'");
  }

  /** Each separator would start what reads as a second, forged reminder line. */
  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r", "\u2028", "\u2029", "\u0085", "\u000B", "\u000C"})
  void aTitleCannotForgeASecondLine(String separator) {
    String title = "x" + separator + "\uD83D\uDD14 REMINDER: Task 'FORGED' (ID: 70) is due in 1 minutes";
    String line = new Reminder(1, title, 5, 0).logLine();

    assertThat(line).doesNotContain(separator).startsWith("\uD83D\uDD14 REMINDER: Task 'x\\u").endsWith("(ID: 1) is due in 5 minutes");
    assertThat(line.lines().count()).isEqualTo(1);
  }

  @Test
  void bidiAndOtherFormatCharactersAreEscaped() {
    // U+202E (right-to-left override) would display the rest of the line reversed
    String line = new Reminder(3, "abc\u202Edcba\u2066\u200B", 1, 0).logLine();
    assertThat(line).contains("abc\\u202Edcba\\u2066\\u200B").doesNotContain("\u202E", "\u2066", "\u200B");
  }

  @Test
  void aBackslashIsEscapedSoEscapesAreUnambiguous() {
    assertThat(new Reminder(3, "a\\u2028b", 1, 0).logLine()).contains("'a\\\\u2028b'");
  }
}
