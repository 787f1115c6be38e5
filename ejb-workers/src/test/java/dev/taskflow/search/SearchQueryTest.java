package dev.taskflow.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

  @Test
  void theLastPlainWordIsAPrefix() {
    SearchQuery q = SearchQuery.of("team meet");
    assertThat(q.prefix()).isEqualTo("meet");
    assertThat(q.withoutPrefix()).isEqualTo("team");
    assertThat(q.prefixFollowsOr()).isFalse();
  }

  @Test
  void noPrefixInsideQuotesAfterAMinusOrWhenTooShort() {
    assertThat(SearchQuery.of("\"team meet\"").prefix()).isNull();
    assertThat(SearchQuery.of("\"team meet").prefix()).isNull();
    assertThat(SearchQuery.of("budget -meet").prefix()).isNull();
    assertThat(SearchQuery.of("budget m").prefix()).isNull();
    assertThat(SearchQuery.of("budget or").prefix()).isNull();
  }

  @Test
  void anOrBeforeTheLastWordMakesItAnAlternative() {
    SearchQuery q = SearchQuery.of("milk OR sli");
    assertThat(q.prefix()).isEqualTo("sli");
    assertThat(q.prefixFollowsOr()).isTrue();
    assertThat(q.withoutPrefix()).isEqualTo("milk");
  }

  @Test
  void controlCharactersAndNulBytesAreRemoved() {
    assertThat(SearchQuery.of("a\u0000b\tc\n").text()).isEqualTo("a b c");
    assertThat(SearchQuery.of(null).isBlank()).isTrue();
    assertThat(SearchQuery.of(" \u0000 ").isBlank()).isTrue();
  }

  @Test
  void correctionsKeepTheSyntax() {
    SearchQuery q = SearchQuery.of("\"team meetnig\" -budgte or Standup");
    assertThat(q.correctableWords()).containsExactly("team", "meetnig", "standup");
    assertThat(q.replacing(Map.of("meetnig", "meeting")).text()).isEqualTo("\"team meeting\" -budgte or Standup");
  }

  @Test
  void unicodeWordsCount() {
    assertThat(SearchQuery.of("réunion 会議").prefix()).isEqualTo("会議");
    assertThat(SearchQuery.of("emoji 📅").prefix()).isNull();
  }
}
