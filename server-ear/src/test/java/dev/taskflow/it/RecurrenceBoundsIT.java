package dev.taskflow.it;

import static dev.taskflow.it.TaskValidationIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Rules that once took the server down (a whole year of seconds held in memory) or that the old
 * engine refused, on every path that expands a rule: preview, create, patch. The server answers a
 * clear 400 naming the part that costs too much, and stays up.
 */
class RecurrenceBoundsIT {

  private static final String PREVIEW = "/api/v1/recurrence/preview";

  static String list(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(Integer::toString).collect(Collectors.joining(","));
  }

  /** 477 characters, 31.6 million instances in each yearly period. */
  static final String EXPLOSIVE =
      "FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=" + list(0, 23) + ";BYMINUTE=" + list(0, 59)
          + ";BYSECOND=" + list(0, 59) + ";BYSETPOS=-1";

  /** The same without BYSECOND: half a million per year, once 6 s of CPU per preview. */
  static final String COSTLY = "FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=" + list(0, 23) + ";BYMINUTE=" + list(0, 59) + ";COUNT=1";

  private final String user = Api.newUser("bounds");

  @Test
  void explosiveRulesAreRefusedOnEveryPathAndTheServerStaysUp() {
    for (String rule : new String[] {EXPLOSIVE, COSTLY}) {
      long started = System.nanoTime();
      Api.Reply preview =
          Api.post(user, PREVIEW, Json.createObjectBuilder().add("rule", rule).add("start", "2026-01-01T00:00:00").add("count", 1000).build().toString());
      Api.Reply create = Api.post(user, "/api/v1/tasks", task(rule));
      JsonObject plain = Api.createTask(user, "{\"title\": \"plain\", \"dueDate\": \"2027-01-04T09:00:00Z\"}");
      Api.Reply patch =
          Api.patch(user, "/api/v1/tasks/" + plain.getJsonNumber("id").longValue(), "{\"recurrenceRule\": \"" + rule + "\"}");
      long millis = (System.nanoTime() - started) / 1_000_000;

      assertProblem(preview, 400);
      assertThat(preview.errorFields()).containsExactly("rule");
      assertThat(preview.json().getString("detail")).contains("BYMINUTE").contains("too expensive");
      assertProblem(create, 400);
      assertThat(create.errorFields()).containsExactly("recurrenceRule");
      assertProblem(patch, 400);
      assertThat(patch.errorFields()).containsExactly("recurrenceRule");
      System.out.printf("RecurrenceBoundsIT: preview, create, patch and a plain create of a %d-character explosive rule in %d ms%n", rule.length(), millis);
    }
    Api.Reply alive = Api.get(null, "/health/live");
    assertThat(alive.status()).isEqualTo(200);
    Api.Reply ok = Api.post(user, PREVIEW, "{\"rule\": \"FREQ=DAILY\", \"start\": \"2026-01-01T09:00:00\", \"count\": 2}");
    assertThat(ok.status()).isEqualTo(200);
  }

  @Test
  void sparseRulesGetTheirRealOccurrences() {
    assertThat(occurrences("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29", "2026-01-01T09:00:00", 3))
        .containsExactly("2028-02-29T09:00:00Z", "2032-02-29T09:00:00Z", "2036-02-29T09:00:00Z");
    assertThat(occurrences("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO", "2026-01-01T09:00:00", 3))
        .containsExactly("2044-02-29T09:00:00Z", "2072-02-29T09:00:00Z", "2112-02-29T09:00:00Z");
    assertThat(occurrences("FREQ=MINUTELY;BYMONTH=1,3", "2026-02-01T10:00:00", 2))
        .containsExactly("2026-03-01T00:00:00Z", "2026-03-01T00:01:00Z");
    assertThat(occurrences("FREQ=HOURLY;BYMONTH=4,7;BYYEARDAY=1,100,200,365", "2026-01-01T00:00:00", 1))
        .containsExactly("2026-04-10T00:00:00Z");
  }

  @Test
  void aTaskTakesAFloatingUntilAsCalendarsExportIt() {
    Api.Reply created =
        Api.post(user, "/api/v1/tasks",
            "{\"title\": \"until the end of January\", \"dueDate\": \"2027-01-04T08:00:00Z\", \"timeZone\": \"Europe/Berlin\","
                + " \"recurrenceRule\": \"FREQ=WEEKLY;UNTIL=20270131T090000\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().getString("recurrenceRule")).isEqualTo("FREQ=WEEKLY;UNTIL=20270131T090000");
  }

  private List<String> occurrences(String rule, String start, int count) {
    Api.Reply reply =
        Api.post(user, PREVIEW, Json.createObjectBuilder().add("rule", rule).add("start", start).add("count", count).build().toString());
    assertThat(reply.status()).as(rule + " " + reply).isEqualTo(200);
    return reply.json().getJsonArray("occurrences").getValuesAs(JsonString::getString);
  }

  private static String task(String rule) {
    return "{\"title\": \"t\", \"dueDate\": \"2027-01-04T09:00:00Z\", \"recurrenceRule\": \"" + rule + "\"}";
  }
}
