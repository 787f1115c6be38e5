package dev.taskflow.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskflow.desktop.ui.MatchHighlighter.Segment;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MatchHighlighterTest {

  private static String marked(String query, String text) {
    List<Segment> segments = new MatchHighlighter(query).segments(text);
    assertThat(segments.stream().map(Segment::text).collect(Collectors.joining())).isEqualTo(text);
    return segments.stream().map(s -> s.match() ? "[" + s.text() + "]" : s.text()).collect(Collectors.joining());
  }

  @Test
  void marksPrefixesAsTheServerMatchesThemWhileTyping() {
    assertThat(marked("meet", "Team meeting at 10")).isEqualTo("Team [meeting] at 10");
  }

  @Test
  void marksStemmedFormsBothWays() {
    assertThat(marked("meetings", "Weekly meeting")).isEqualTo("Weekly [meeting]");
    assertThat(marked("plants", "Water the plant and PLANTS")).isEqualTo("Water the [plant] and [PLANTS]");
  }

  @Test
  void phrasesAndSeveralWords() {
    assertThat(marked("\"quarterly report\" draft", "Draft the quarterly report"))
        .isEqualTo("[Draft] the [quarterly] [report]");
  }

  @Test
  void excludedWordsAndOrMarkNothing() {
    assertThat(marked("tax or -invoice", "Tax invoice or receipt")).isEqualTo("[Tax] invoice or receipt");
  }

  @Test
  void anEmptyQueryMarksNothing() {
    assertThat(new MatchHighlighter("  ").isEmpty()).isTrue();
    assertThat(marked("", "Anything")).isEqualTo("Anything");
  }
}
