package dev.taskflow.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example of RFC 5545 section 3.8.5.3, expanded in America/New_York across its DST changes. */
class Rfc5545ExamplesTest {

  static Stream<JsonObject> examples() throws Exception {
    try (InputStream in = Rfc5545ExamplesTest.class.getResourceAsStream("/rrule/rfc5545-examples.json");
        var reader = Json.createReader(in)) {
      return reader.readArray().stream().map(v -> v.asJsonObject()).toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void expandsLikeTheRfc(JsonObject example) {
    List<String> expectedLocal = example.getJsonArray("expected").getValuesAs(JsonString::getString);
    List<String> expectedUtc = example.getJsonArray("expected_utc").getValuesAs(JsonString::getString);
    ZoneId zone = ZoneId.of(example.getString("tzid"));
    Recurrence rule = Recurrence.parse(example.getString("rrule"));

    int ask = example.getBoolean("finite") ? expectedLocal.size() + 5 : expectedLocal.size();
    List<ZonedDateTime> occurrences = rule.first(LocalDateTime.parse(example.getString("dtstart")), zone, ask);

    assertThat(occurrences.stream().map(o -> o.toLocalDateTime().toString().length() == 16 ? o.toLocalDateTime() + ":00" : o.toLocalDateTime().toString()))
        .as(example.getString("id"))
        .containsExactlyElementsOf(expectedLocal);
    assertThat(occurrences.stream().map(ZonedDateTime::toInstant)).containsExactlyElementsOf(expectedUtc.stream().map(Instant::parse).toList());
  }
}
