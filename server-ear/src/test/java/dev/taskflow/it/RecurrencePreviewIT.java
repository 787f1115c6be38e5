package dev.taskflow.it;

import static dev.taskflow.it.TaskValidationIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /api/v1/recurrence/preview on the deployed server. */
class RecurrencePreviewIT {

  private static final String PREVIEW = "/api/v1/recurrence/preview";
  private final String user = Api.newUser("previewer");

  static Stream<JsonObject> rfcExamples() throws Exception {
    try (Reader in = Files.newBufferedReader(Path.of("../ejb-workers/src/test/resources/rrule/rfc5545-examples.json"));
        var reader = Json.createReader(in)) {
      return reader.readArray().stream().map(v -> v.asJsonObject()).toList().stream();
    }
  }

  static Stream<JsonObject> peerCases() throws Exception {
    return Stream.of("dateutil-cases.json", "rrulejs-cases.json").flatMap(file -> {
      try (Reader in = Files.newBufferedReader(Path.of("../ejb-workers/src/test/resources/rrule/" + file));
          var reader = Json.createReader(in)) {
        return reader.readArray().stream().map(v -> v.asJsonObject()).filter(c -> c.getBoolean("rfc5545_valid")).toList().stream();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  private Api.Reply preview(String rule, String start, String zone, Integer count) {
    var body = Json.createObjectBuilder().add("rule", rule).add("start", start);
    if (zone != null) {
      body.add("timeZone", zone);
    }
    if (count != null) {
      body.add("count", count);
    }
    return Api.post(user, PREVIEW, body.build().toString());
  }

  private static List<String> occurrences(Api.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().getJsonArray("occurrences").getValuesAs(JsonString::getString);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rfcExamples")
  void everyRfc5545ExampleInNewYork(JsonObject example) {
    List<String> expected = example.getJsonArray("expected").getValuesAs(JsonString::getString);
    List<String> expectedUtc = example.getJsonArray("expected_utc").getValuesAs(JsonString::getString);
    int count = example.getBoolean("finite") ? 1000 : expected.size();

    List<String> got = occurrences(preview(example.getString("rrule"), example.getString("dtstart"), example.getString("tzid"), count));

    assertThat(got).as(example.getString("id")).hasSize(expected.size());
    assertThat(got.stream().map(o -> o.substring(0, 19)).toList()).containsExactlyElementsOf(expected);
    assertThat(got.stream().map(o -> OffsetDateTime.parse(o).toInstant()).toList())
        .containsExactlyElementsOf(expectedUtc.stream().map(Instant::parse).toList());
  }

  /** python-dateutil's and rrule.js's test suites as data: the preview answers as they do. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("peerCases")
  void everyPeerEngineCase(JsonObject c) {
    List<String> expected = c.getJsonArray("expected").getValuesAs(JsonString::getString);
    int count = c.getBoolean("finite") ? Math.min(1000, expected.size() + 5) : expected.size();

    Api.Reply reply = preview(c.getString("rrule"), c.getString("dtstart"), c.getString("tzid"), count);

    if (expected.isEmpty() && reply.status() == 400) {
      assertProblem(reply, 400); // a rule with no occurrence at all may be refused as one that never occurs
      return;
    }
    List<String> got = occurrences(reply);
    assertThat(got.stream().map(o -> o.substring(0, 19)).toList()).as(c.getString("id")).containsExactlyElementsOf(expected);
  }

  @Test
  void theContractsExample() {
    assertThat(occurrences(preview("FREQ=MONTHLY;BYDAY=-1FR", "2026-01-30T09:00:00", "Europe/Berlin", 4)))
        .containsExactly("2026-01-30T09:00:00+01:00", "2026-02-27T09:00:00+01:00", "2026-03-27T09:00:00+01:00", "2026-04-24T09:00:00+02:00");
  }

  @Test
  void defaultsAreUtcAndTenOccurrences() {
    List<String> got = occurrences(Api.post(user, PREVIEW, "{\"rule\": \"FREQ=DAILY\", \"start\": \"2026-01-01T08:30:00\"}"));

    assertThat(got).hasSize(10).first().isEqualTo("2026-01-01T08:30:00Z");
  }

  @Test
  void theStartIsIncludedOnlyWhenItMatches() {
    assertThat(occurrences(preview("FREQ=WEEKLY;BYDAY=MO", "2026-12-02T09:00:00", "UTC", 2)))
        .containsExactly("2026-12-07T09:00:00Z", "2026-12-14T09:00:00Z");
  }

  static Stream<Arguments> edgeCases() {
    return Stream.of(
        Arguments.of("leap day every four years", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "2024-02-29T09:00:00",
            List.of("2024-02-29T09:00:00Z", "2028-02-29T09:00:00Z", "2032-02-29T09:00:00Z")),
        Arguments.of("the 31st skips short months", "FREQ=MONTHLY;BYMONTHDAY=31", "2026-01-31T09:00:00",
            List.of("2026-01-31T09:00:00Z", "2026-03-31T09:00:00Z", "2026-05-31T09:00:00Z")),
        Arguments.of("last day of every month", "FREQ=MONTHLY;BYMONTHDAY=-1", "2028-01-31T09:00:00",
            List.of("2028-01-31T09:00:00Z", "2028-02-29T09:00:00Z", "2028-03-31T09:00:00Z")),
        Arguments.of("last workday of the month", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2026-01-01T17:00:00",
            List.of("2026-01-30T17:00:00Z", "2026-02-27T17:00:00Z", "2026-03-31T17:00:00Z")),
        Arguments.of("second Tuesday", "FREQ=MONTHLY;BYDAY=2TU", "2026-01-01T10:00:00",
            List.of("2026-01-13T10:00:00Z", "2026-02-10T10:00:00Z", "2026-03-10T10:00:00Z")),
        Arguments.of("weekdays", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-12-04T09:00:00",
            List.of("2026-12-04T09:00:00Z", "2026-12-07T09:00:00Z", "2026-12-08T09:00:00Z")),
        Arguments.of("every 3 months", "FREQ=MONTHLY;INTERVAL=3", "2026-11-30T09:00:00",
            List.of("2026-11-30T09:00:00Z", "2027-05-30T09:00:00Z", "2027-08-30T09:00:00Z")),
        Arguments.of("WKST=SU changes every other week", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", "1997-08-05T09:00:00",
            List.of("1997-08-05T09:00:00Z", "1997-08-17T09:00:00Z", "1997-08-19T09:00:00Z")),
        Arguments.of("hourly", "FREQ=HOURLY;INTERVAL=8", "2026-12-31T20:00:00",
            List.of("2026-12-31T20:00:00Z", "2027-01-01T04:00:00Z", "2027-01-01T12:00:00Z")),
        Arguments.of("minutely in the preview", "FREQ=MINUTELY;INTERVAL=15", "2026-12-31T23:30:00",
            List.of("2026-12-31T23:30:00Z", "2026-12-31T23:45:00Z", "2027-01-01T00:00:00Z")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edgeCases")
  void edgeCases(String why, String rule, String start, List<String> expected) {
    assertThat(occurrences(preview(rule, start, "UTC", 3))).containsExactlyElementsOf(expected);
  }

  @Test
  void wallClockTimeIsKeptAcrossDaylightSavingChanges() {
    assertThat(occurrences(preview("FREQ=DAILY", "2026-03-28T09:00:00", "Europe/Berlin", 3)))
        .containsExactly("2026-03-28T09:00:00+01:00", "2026-03-29T09:00:00+02:00", "2026-03-30T09:00:00+02:00");
    assertThat(occurrences(preview("FREQ=WEEKLY", "2026-10-31T18:00:00", "America/New_York", 2)))
        .containsExactly("2026-10-31T18:00:00-04:00", "2026-11-07T18:00:00-05:00");
  }

  @Test
  void finiteRulesReturnFewer() {
    assertThat(occurrences(preview("FREQ=DAILY;COUNT=3", "2026-01-01T09:00:00", "UTC", 10))).hasSize(3);
    assertThat(occurrences(preview("FREQ=DAILY;UNTIL=20260104T090000Z", "2026-01-01T09:00:00", "UTC", 10))).hasSize(4);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "FREQ=DAILY;COUNT=3;UNTIL=20270101T000000Z",
        "FREQ=YEARLY;BYMONTH=13",
        "FREQ=DAILY;INTERVAL=0",
        "FREQ=DAILY;BYDAY=1MO",
        "FREQ=WEEKLY;BYDAY=2FR",
        "FREQ=MONTHLY;BYWEEKNO=20",
        "FREQ=DAILY;BYYEARDAY=100",
        "FREQ=WEEKLY;BYMONTHDAY=1",
        "FREQ=DAILY;BYSETPOS=1",
        "FREQ=MONTHLY;BYMONTHDAY=32",
        "FREQ=SOMETIMES",
        "BYDAY=MO",
        "FREQ=DAILY;FOO=BAR",
        "RRULE:FREQ=DAILY",
        "every monday",
        "",
        "FREQ=DAILY;UNTIL=2026-12-31",
        "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0"
      })
  void forbiddenRulesAre400WithAReason(String rule) {
    Api.Reply reply = preview(rule, "2026-01-01T09:00:00", "Europe/Berlin", 5);

    assertProblem(reply, 400);
    assertThat(reply.errorFields()).containsExactly("rule");
    assertThat(reply.json().getString("detail")).startsWith("rule ").hasSizeGreaterThan(10);
  }

  @Test
  void aTenKilobyteRuleIs400() {
    Api.Reply reply = preview("FREQ=DAILY;" + "BYHOUR=1,".repeat(1200) + "2", "2026-01-01T09:00:00", "UTC", 5);

    assertProblem(reply, 400);
    assertThat(reply.json().getString("detail")).contains("at most");
  }

  @Test
  void sparseAndExpensiveRulesAnswerInBoundedTime() {
    for (String rule :
        new String[] {
          "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
          "FREQ=SECONDLY;BYMONTH=12;BYMONTHDAY=31;BYHOUR=23;BYMINUTE=59;BYSECOND=59",
          "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO",
          "FREQ=MINUTELY;BYYEARDAY=366",
          "FREQ=SECONDLY;COUNT=1000"
        }) {
      Api.Reply reply = preview(rule, "2026-01-01T00:00:00", "UTC", 1000);
      assertThat(reply.status()).as(rule + " " + reply).isIn(200, 400);
      assertThat(reply.contentType()).startsWith(reply.status() == 200 ? "application/json" : "application/problem+json");
    }
  }

  @Test
  void badInputNamesTheField() {
    assertThat(Api.post(user, PREVIEW, "{\"rule\": \"FREQ=DAILY\"}").errorFields()).containsExactly("start");
    assertThat(Api.post(user, PREVIEW, "{\"rule\": \"FREQ=DAILY\", \"start\": \"2026-01-01T09:00:00+01:00\", \"timeZone\": \"America/New_York\"}").errorFields())
        .as("an offset New York does not have then").containsExactly("start");
    assertThat(Api.post(user, PREVIEW, "{\"rule\": \"FREQ=DAILY\", \"start\": \"2026-02-30T09:00:00\"}").errorFields()).containsExactly("start");
    assertThat(Api.post(user, PREVIEW, "{\"rule\": \"FREQ=DAILY\", \"start\": \"2026-01-01T09:00:00\", \"strat\": 1}").errorFields())
        .containsExactly("strat");
    assertThat(Api.post(user, PREVIEW, "{\"rule\": \"FREQ=DAILY\", \"start\": \"2026-01-01T09:00:00\", \"timeZone\": \"Moon/Base\"}").errorFields())
        .containsExactly("timeZone");
    for (String count : new String[] {"0", "1001", "2.5", "\"ten\"", "-1"}) {
      Api.Reply reply = Api.post(user, PREVIEW, "{\"rule\": \"FREQ=DAILY\", \"start\": \"2026-01-01T09:00:00\", \"count\": " + count + "}");
      assertProblem(reply, 400);
      assertThat(reply.errorFields()).as(count).containsExactly("count");
    }
    assertThat(Api.post(user, PREVIEW, "{}").errorFields()).containsExactlyInAnyOrder("rule", "start");
    assertProblem(Api.send(null, "POST", PREVIEW, "application/json", "{\"rule\": \"FREQ=DAILY\", \"start\": \"2026-01-01T09:00:00\"}"), 401);
  }
}
