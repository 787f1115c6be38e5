package dev.taskflow.api.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskflow.api.problem.ProblemException;
import dev.taskflow.task.FieldError;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

  private static MultivaluedHashMap<String, String> query(String... pairs) {
    MultivaluedHashMap<String, String> map = new MultivaluedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.add(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static List<FieldError> refused(MultivaluedHashMap<String, String> query) {
    try {
      QueryParameters.of(query, Set.of("status", "tag", "limit"), Set.of("tag"));
    } catch (ProblemException e) {
      assertThat(e.problem().type()).isEqualTo("urn:taskflow:problem:invalid-query");
      assertThat(e.problem().status()).isEqualTo(400);
      return e.problem().errors();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void knownParametersPassAndRepeatableOnesRepeat() {
    QueryParameters parameters =
        QueryParameters.of(query("status", "all", "tag", "a", "tag", "b", "limit", ""), Set.of("status", "tag", "limit"),
            Set.of("tag"));

    assertThat(parameters.get("status")).isEqualTo("all");
    assertThat(parameters.all("tag")).containsExactly("a", "b");
    assertThat(parameters.get("limit")).as("empty is absent").isNull();
    assertThat(parameters.all("nothing")).isEmpty();
  }

  @Test
  void everyUnknownOrRepeatedParameterIsNamed() {
    assertThat(refused(query("bogus", "1", "status", "a", "status", "b", "offset", "5")))
        .extracting(FieldError::field).containsExactly("bogus", "offset", "status");
    assertThat(refused(query("bogus", "1")).get(0).message())
        .isEqualTo("is not a parameter of this operation; known: limit, status, tag");
  }

  @Test
  void aHostileNameIsShownHarmlessly() {
    assertThat(refused(query("a\nb\u2028" + "x".repeat(300), "1")).get(0).field()).startsWith("a?b?x").hasSize(103);
  }

  @Test
  void withNoKnownParametersAnyIsRefused() {
    assertThatThrownBy(() -> QueryParameters.of(query("x", "1"), Set.of(), Set.of())).isInstanceOf(ProblemException.class);
  }
}
