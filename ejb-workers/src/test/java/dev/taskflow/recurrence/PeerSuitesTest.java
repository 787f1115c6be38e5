package dev.taskflow.recurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The peer engines' own test suites as data: python-dateutil's test_rrule.py (240 cases, ported by
 * {@code src/test/resources/rrule/tools/port_dateutil.py}) and rrule.js's rrule.test.ts (233 cases,
 * {@code tools/port_rrulejs.mjs}). Every case RFC 5545 allows expands to the peer's answer,
 * including those whose start is not itself an occurrence; every case the RFC forbids (both
 * engines are lenient there) is refused with a reason. The invalid-rule list is refused whole.
 */
class PeerSuitesTest {

  static Stream<JsonObject> peerCases() throws Exception {
    return Stream.concat(
        read("/rrule/dateutil-cases.json").stream().map(v -> v.asJsonObject()),
        read("/rrule/rrulejs-cases.json").stream().map(v -> v.asJsonObject()));
  }

  static Stream<JsonObject> invalidRules() throws Exception {
    return read("/rrule/invalid-rules.json").stream().map(v -> v.asJsonObject());
  }

  private static jakarta.json.JsonArray read(String resource) throws Exception {
    try (InputStream in = PeerSuitesTest.class.getResourceAsStream(resource);
        var reader = Json.createReader(in)) {
      return reader.readArray();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("peerCases")
  void expandsLikeThePeerEngines(JsonObject c) {
    String rule = c.getString("rrule");
    if (!c.getBoolean("rfc5545_valid")) {
      assertThatThrownBy(() -> Recurrence.parse(rule)).as(c.getString("id")).isInstanceOf(InvalidRuleException.class);
      return;
    }
    List<String> expected = c.getJsonArray("expected").getValuesAs(JsonString::getString);
    ZoneId zone = ZoneId.of(c.getString("tzid"));
    int ask = c.getBoolean("finite") ? expected.size() + 5 : expected.size();

    List<ZonedDateTime> occurrences = Recurrence.parse(rule).first(LocalDateTime.parse(c.getString("dtstart")), zone, ask);

    assertThat(occurrences.stream().map(o -> o.toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)))
        .as(c.getString("id") + " " + rule + " from " + c.getString("dtstart"))
        .containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRules")
  void refusesWhatTheRfcForbids(JsonObject c) {
    String rule = c.getString("rule");
    assertThatThrownBy(() -> Recurrence.parse(rule).first(LocalDateTime.parse("2026-01-05T09:00:00"), ZoneId.of("UTC"), 5))
        .as(rule + " (" + c.getString("why") + ")")
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageNotContaining("Exception");
  }
}
