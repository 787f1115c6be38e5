package dev.taskflow.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskflow.api.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

  private static ProblemException rejection(byte[] body) {
    try {
      JsonBodies.readObject(new ByteArrayInputStream(body));
    } catch (ProblemException e) {
      return e;
    }
    throw new AssertionError("expected a rejection");
  }

  private static ProblemException rejection(String body) {
    return rejection(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsAnObject() {
    assertThat(JsonBodies.readObject(new ByteArrayInputStream("{\"a\": 1}".getBytes(StandardCharsets.UTF_8))).getInt("a"))
        .isEqualTo(1);
  }

  @Test
  void rejectsWhatIsNotOneJsonObject() {
    for (String body : new String[] {"", "   ", "[]", "1", "\"s\"", "null", "{", "{\"a\":}", "{} {}", "{\"a\": 1,}"}) {
      ProblemException e = rejection(body);
      assertThat(e.problem().status()).as(body).isEqualTo(400);
      assertThat(e.problem().errors()).singleElement().satisfies(err -> assertThat(err.field()).isEqualTo("body"));
    }
  }

  @Test
  void rejectsInvalidUtf8() {
    assertThat(rejection(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}).problem().detail())
        .contains("UTF-8");
  }

  @Test
  void rejectsDeepNestingWithoutBlowingTheStack() {
    assertThat(rejection("{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}").problem().status()).isIn(400, 413);
  }

  @Test
  void rejectsBodiesOverTheLimitWith413() {
    byte[] big = new byte[JsonBodies.MAX_BYTES + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    assertThat(rejection(big).problem().status()).isEqualTo(413);
  }

  @Test
  void anEmptyStreamIsRejected() {
    assertThatThrownBy(() -> JsonBodies.readObject(null)).isInstanceOf(ProblemException.class);
  }

  @Test
  void aKeyGivenTwiceIsRefusedWhereverItIs() {
    for (String[] body : new String[][] {
      {"{\"title\": \"one\", \"title\": \"two\"}", "title"},
      {"{\"a\": {\"b\": 1, \"b\": 1}}", "a.b"},
      {"{\"tags\": [\"x\", {\"k\": 1, \"k\": 2}]}", "tags[1].k"},
    }) {
      ProblemException e = rejection(body[0]);
      assertThat(e.problem().type()).isEqualTo("urn:taskflow:problem:malformed-request");
      assertThat(e.problem().errors()).singleElement().satisfies(err -> {
        assertThat(err.field()).isEqualTo(body[1]);
        assertThat(err.message()).isEqualTo("appears more than once in the object");
      });
    }
  }

  @Test
  void theSameKeyInSiblingObjectsIsFine() {
    assertThat(JsonBodies.readObject(new ByteArrayInputStream(
        "{\"a\": {\"k\": 1}, \"b\": {\"k\": 2}, \"c\": [{\"k\": 3}, {\"k\": 4}]}".getBytes(StandardCharsets.UTF_8))))
        .containsKeys("a", "b", "c");
  }

  @Test
  void nestingIsBounded() {
    assertThat(JsonBodies.readObject(new ByteArrayInputStream(
        ("[".repeat(JsonBodies.MAX_DEPTH) + "]".repeat(JsonBodies.MAX_DEPTH)).replaceFirst("\\[", "{\"a\": [")
            .concat("}").getBytes(StandardCharsets.UTF_8)))).containsKey("a");
    assertThat(rejection("{\"a\":" + "[".repeat(JsonBodies.MAX_DEPTH + 1) + "]".repeat(JsonBodies.MAX_DEPTH + 1) + "}")
        .problem().detail()).contains("nests deeper than " + JsonBodies.MAX_DEPTH);
  }
}
