package dev.taskflow.it;

import static dev.taskflow.it.Api.TASKS;
import static dev.taskflow.it.TaskValidationIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /api/v1/tasks/search against the real database through the deployed API. */
class SearchIT {

  private final String user = Api.newUser("searcher");

  @BeforeEach
  void someTasks() {
    Api.createTask(user, "{\"title\": \"Team meeting about the Q4 budget\", \"description\": \"Discuss numbers with finance\"}");
    Api.createTask(user, "{\"title\": \"Buy milk\", \"description\": \"on the way back from the team meeting\"}");
    Api.createTask(user, "{\"title\": \"Meetup with Anna\", \"tags\": [\"social\"]}");
    Api.createTask(user, "{\"title\": \"Prepare slides\", \"category\": \"presentations\", \"tags\": [\"meeting\"]}");
    Api.createTask(user, "{\"title\": \"Renew passport\", \"description\": \"Bring two photos\"}");
    JsonObject done = Api.createTask(user, "{\"title\": \"Old meeting notes\"}");
    Api.post(user, TASKS + "/" + done.getJsonNumber("id").longValue() + "/complete", null);
  }

  private Api.Reply search(String q) {
    return search(user, q, "");
  }

  private static Api.Reply search(String user, String q, String more) {
    return Api.get(user, TASKS + "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + more);
  }

  private static List<String> titles(Api.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.items().stream().map(v -> v.asJsonObject().getString("title")).toList();
  }

  @Test
  void aTitleMatchRanksAboveADescriptionOnlyMatchAndEveryItemHasItsRank() {
    Api.Reply reply = search("meeting");

    assertThat(titles(reply)).containsExactly("Team meeting about the Q4 budget", "Buy milk", "Prepare slides");
    List<Double> ranks = reply.items().stream().map(v -> v.asJsonObject().getJsonNumber("rank").doubleValue()).toList();
    assertThat(ranks).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    assertThat(ranks.get(0)).isGreaterThan(ranks.get(1));
    assertThat(reply.json().getString("match")).isEqualTo("full-text");
  }

  @Test
  void englishStemmingFindsOtherFormsOfAWord() {
    assertThat(titles(search("meetings"))).contains("Team meeting about the Q4 budget", "Buy milk");
    assertThat(titles(search("photo"))).containsExactly("Renew passport");
  }

  @Test
  void quotedPhrasesOrAndExclusion() {
    assertThat(titles(search("\"team meeting\""))).containsExactlyInAnyOrder("Team meeting about the Q4 budget", "Buy milk");
    assertThat(titles(search("\"meeting team\""))).isEmpty();
    assertThat(titles(search("meeting -budget"))).containsExactlyInAnyOrder("Buy milk", "Prepare slides");
    assertThat(titles(search("milk or passport"))).containsExactlyInAnyOrder("Buy milk", "Renew passport");
  }

  @Test
  void theLastWordMatchesAsAPrefix() {
    assertThat(titles(search("meetu"))).containsExactly("Meetup with Anna");
    assertThat(titles(search("meeti"))).contains("Team meeting about the Q4 budget", "Buy milk", "Prepare slides");
    assertThat(titles(search("renew pass"))).containsExactly("Renew passport");
  }

  @Test
  void aTypoIsCorrectedWhenNothingMatches() {
    Api.Reply reply = search("meetnig");

    assertThat(titles(reply)).contains("Team meeting about the Q4 budget");
    assertThat(reply.json().getString("match")).isEqualTo("typo");
    assertThat(reply.json().getString("query")).isEqualTo("meeting");
    assertThat(titles(search("pasport"))).containsExactly("Renew passport");
  }

  @Test
  void emptyQueryListsEverythingAndNoMatchIsAnEmptyList() {
    assertThat(titles(search(""))).hasSize(5);
    assertThat(titles(search("   "))).hasSize(5);
    assertThat(titles(search(user, "", "&status=all"))).hasSize(6);
    Api.Reply none = search("xylophone");
    assertThat(titles(none)).isEmpty();
    assertThat(none.json().getString("match")).isEqualTo("none");
  }

  @Test
  void openTasksByDefaultAndTheStatusFilter() {
    assertThat(titles(search("notes"))).isEmpty();
    assertThat(titles(search(user, "notes", "&status=completed"))).containsExactly("Old meeting notes");
    assertThat(titles(search(user, "meeting", "&status=all"))).contains("Old meeting notes", "Buy milk");
  }

  @Test
  void limits() {
    assertThat(titles(search(user, "meeting", "&limit=1"))).hasSize(1);
    assertProblem(search(user, "meeting", "&limit=0"), 400);
    assertProblem(search(user, "meeting", "&limit=101"), 400);
    assertProblem(search(user, "meeting", "&status=finished"), 400);
    Api.Reply tooLong = search("a".repeat(501));
    assertProblem(tooLong, 400);
    assertThat(tooLong.errorFields()).containsExactly("q");
    assertThat(search("a ".repeat(250)).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "'", "\"", "\\", "\\\\", "&", "|", "!", "<->", ":*", "a:*", "meeting & !milk", "(meeting", "meeting)", "''';",
        "'); DROP TABLE tasks; --", "1 OR 1=1", "%", "_", "*", "meeting\u0000", "\u0000", "😀 meeting 📅", "會議",
        "-", "--", "\"\"", "\"unbalanced", "or", "OR OR OR", "-meeting", "a b c d e f g h i j k l m n o p",
        "\u202Emeeting", "%00", "..%2f..%2f"
      })
  void hostileTextIsJustText(String q) {
    Api.Reply reply = search(q);

    assertThat(reply.status()).as(q + ": " + reply).isEqualTo(200);
    assertThat(reply.items().stream().map(v -> v.asJsonObject().getString("title")))
        .as("never another user's task")
        .allSatisfy(title -> assertThat(title).isIn("Team meeting about the Q4 budget", "Buy milk", "Meetup with Anna", "Prepare slides", "Renew passport"));
  }

  @Test
  void longWordsAreSafeInTheTypoFallback() {
    assertThat(titles(search("meeting".repeat(37)))).isEmpty();
    assertThat(titles(search("x".repeat(500)))).isEmpty();
    assertThat(titles(search(("meetnig" + " ").repeat(62)))).isNotNull();
  }

  @Test
  void searchNeverRevealsAnotherUsersTasksOrWords() {
    String other = Api.newUser("other");
    Api.createTask(other, "{\"title\": \"Zebrafish aquarium cleaning\", \"description\": \"meeting with the vet\"}");

    assertThat(titles(search("zebrafish"))).isEmpty();
    assertThat(titles(search("zebra"))).as("no prefix expansion from another user's words").isEmpty();
    Api.Reply typo = search("zebrafsh");
    assertThat(titles(typo)).isEmpty();
    assertThat(typo.json().getString("query")).as("no suggestion from another user's words").doesNotContain("zebrafish");
    assertThat(titles(search("meeting"))).doesNotContain("Zebrafish aquarium cleaning");
    assertThat(titles(search(other, "meeting", ""))).containsExactly("Zebrafish aquarium cleaning");
  }

  @Test
  void searchNeedsAToken() {
    assertProblem(Api.send(null, "GET", TASKS + "/search?q=meeting", null, null), 401);
  }
}
