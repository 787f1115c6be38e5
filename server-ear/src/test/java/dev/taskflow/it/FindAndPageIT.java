package dev.taskflow.it;

import static dev.taskflow.it.Api.TASKS;
import static dev.taskflow.it.TaskValidationIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Filters, orders and cursor paging (docs/API.md, "Listing"): each order, walked page by page,
 * visits every task exactly once in the order it promises; filters select what they say.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindAndPageIT {

  private final String user = Api.newUser("finder");
  private final List<JsonObject> tasks = new ArrayList<>();

  @BeforeAll
  void createSeventeenTasks() {
    String[] priorities = {"low", "medium", "high"};
    for (int i = 0; i < 17; i++) {
      // some share a due date (ties broken by id), some have none (always last)
      String due = i % 5 == 4 ? "null" : "\"2030-0" + (1 + i % 4) + "-1" + (i % 3) + "T09:00:00Z\"";
      String tags = i % 2 == 0 ? "[\"home\"]" : i % 3 == 0 ? "[\"home\", \"urgent\"]" : "[\"work\"]";
      String category = i % 4 == 0 ? "\"errands\"" : "null";
      tasks.add(Api.createTask(user, "{\"title\": \"task " + i + "\", \"priority\": \"" + priorities[i % 3]
          + "\", \"dueDate\": " + due + ", \"tags\": " + tags + ", \"category\": " + category + "}"));
    }
    // one updated later than it was created, so "updated" differs from "created"
    long first = id(tasks.get(0));
    tasks.set(0, Api.patch(user, TASKS + "/" + first, "{\"description\": \"touched\"}").json());
    // one completed: not in the default (open) listing
    long done = id(tasks.get(16));
    Api.post(user, TASKS + "/" + done + "/complete", null);
    tasks.remove(16);
  }

  private static long id(JsonObject task) {
    return task.getJsonNumber("id").longValue();
  }

  private static Instant due(JsonObject task) {
    return task.isNull("dueDate") ? null : Instant.parse(task.getString("dueDate"));
  }

  private static int rank(JsonObject task) {
    return List.of("low", "medium", "high").indexOf(task.getString("priority"));
  }

  private static final Comparator<JsonObject> BY_DUE = Comparator.comparing(FindAndPageIT::due,
      Comparator.nullsLast(Comparator.naturalOrder()));
  private static final Comparator<JsonObject> BY_ID = Comparator.comparingLong(FindAndPageIT::id);

  private static final Map<String, Comparator<JsonObject>> ORDERS = Map.of(
      "due", BY_DUE.thenComparing(BY_ID),
      "-due", Comparator.comparing(FindAndPageIT::due, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
          .thenComparing(BY_ID.reversed()),
      "priority", Comparator.comparingInt(FindAndPageIT::rank).thenComparing(BY_DUE).thenComparing(BY_ID),
      "-priority", Comparator.comparingInt(FindAndPageIT::rank).reversed().thenComparing(BY_DUE).thenComparing(BY_ID),
      "created", Comparator.comparing((JsonObject t) -> Instant.parse(t.getString("createdAt"))).thenComparing(BY_ID),
      "-created", Comparator.comparing((JsonObject t) -> Instant.parse(t.getString("createdAt"))).thenComparing(BY_ID)
          .reversed(),
      "updated", Comparator.comparing((JsonObject t) -> Instant.parse(t.getString("updatedAt"))).thenComparing(BY_ID),
      "-updated", Comparator.comparing((JsonObject t) -> Instant.parse(t.getString("updatedAt"))).thenComparing(BY_ID)
          .reversed());

  /** Every page of a listing, following {@code next}; checks the Link header on the way. */
  private List<Long> walk(String query) {
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 50; pages++) {
      String path = TASKS + "?" + query + (cursor == null ? "" : "&cursor=" + cursor);
      Api.Reply page = Api.get(user, path);
      assertThat(page.status()).as(path + " " + page).isEqualTo(200);
      page.items().forEach(t -> seen.add(id(t.asJsonObject())));
      JsonValue next = page.json().get("next");
      if (next == null) {
        assertThat(page.header("Link")).isEmpty();
        return seen;
      }
      cursor = page.json().getString("next");
      assertThat(page.header("Link")).hasValue("</api/v1/tasks?" + query + "&cursor=" + cursor + ">; rel=\"next\"");
    }
    throw new AssertionError("more than 50 pages");
  }

  private List<Long> expected(java.util.function.Predicate<JsonObject> filter, String order) {
    return tasks.stream().filter(filter).sorted(ORDERS.get(order)).map(FindAndPageIT::id).toList();
  }

  @ParameterizedTest(name = "sort={0}")
  @ValueSource(strings = {"due", "-due", "priority", "-priority", "created", "-created", "updated", "-updated"})
  void eachOrderPagedByFourVisitsEveryTaskOnceInItsOrder(String sort) {
    assertThat(walk("sort=" + sort + "&limit=4")).isEqualTo(expected(t -> true, sort));
  }

  @Test
  void theDefaultOrderIsByDueDateWithUndatedTasksLast() {
    assertThat(walk("limit=5")).isEqualTo(expected(t -> true, "due"));
  }

  @Test
  void tagsMustAllBeCarried() {
    assertThat(walk("tag=home&limit=3")).isEqualTo(expected(t -> tags(t).contains("home"), "due"));
    assertThat(walk("tag=home&tag=urgent")).isEqualTo(expected(t -> tags(t).containsAll(List.of("home", "urgent")), "due"))
        .isNotEmpty();
  }

  private static List<String> tags(JsonObject task) {
    return task.getJsonArray("tags").getValuesAs(jakarta.json.JsonString::getString);
  }

  @Test
  void anyOfThePrioritiesAndTheCategory() {
    assertThat(walk("priority=high&priority=low&sort=-priority&limit=3"))
        .isEqualTo(expected(t -> !t.getString("priority").equals("medium"), "-priority"));
    assertThat(walk("category=errands")).isEqualTo(expected(t -> "errands".equals(t.getString("category", null)), "due"))
        .isNotEmpty();
  }

  @Test
  void theDueRangeIncludesItsStartAndExcludesItsEnd() {
    String after = "2030-02-11T09:00:00Z";
    String before = "2030-04-10T09:00:00+00:00";
    Function<String, String> enc = s -> URLEncoder.encode(s, StandardCharsets.UTF_8);
    List<Long> expected = expected(t -> due(t) != null && !due(t).isBefore(Instant.parse(after))
        && due(t).isBefore(Instant.parse("2030-04-10T09:00:00Z")), "due");
    assertThat(expected).isNotEmpty();
    assertThat(walk("dueAfter=" + enc.apply(after) + "&dueBefore=" + enc.apply(before) + "&limit=2")).isEqualTo(expected);
  }

  @Test
  void completedTasksAreListedOnlyWhenAskedFor() {
    assertThat(walk("status=completed")).hasSize(1);
    assertThat(walk("status=all&limit=6")).hasSize(17).doesNotHaveDuplicates();
  }

  @Test
  void aCursorContinuesOnlyTheListingItCameFrom() {
    String next = Api.get(user, TASKS + "?limit=2&sort=-priority").json().getString("next");

    Api.Reply other = Api.get(user, TASKS + "?limit=2&sort=due&cursor=" + next);
    assertProblem(other, 400);
    assertThat(other.errorFields()).containsExactly("cursor");
    Api.Reply forged = Api.get(user, TASKS + "?limit=2&sort=-priority&cursor=" + next.substring(4) + "~~");
    assertProblem(forged, 400);
    Api.Reply stranger = Api.get(Api.newUser("stranger"), TASKS + "?limit=2&sort=-priority&cursor=" + next);
    assertThat(stranger.status()).isEqualTo(200);
    assertThat(stranger.items()).as("a cursor carries no one's tasks").isEmpty();
  }

  @Test
  void searchPagesTheSameWay() {
    String searcher = Api.newUser("pager");
    List<Long> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      created.add(id(Api.createTask(searcher, "{\"title\": \"quarterly report part " + i + "\"}")));
    }
    List<Long> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Api.Reply page = Api.get(searcher, TASKS + "/search?q=report&limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      page.items().forEach(t -> seen.add(id(t.asJsonObject())));
      cursor = page.json().getString("next", null);
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
  }
}
