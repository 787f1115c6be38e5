package dev.taskflow.desktop.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemsTest {

  @Test
  void readsTitleDetailAndFieldErrors() {
    ApiException e = Problems.from(400, """
        {"type":"about:blank","title":"Invalid task","status":400,"detail":"1 field is invalid",
         "errors":[{"field":"title","message":"must not be blank"}]}""");
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.title()).isEqualTo("Invalid task");
    assertThat(e.getMessage()).isEqualTo("1 field is invalid");
    assertThat(e.fieldErrors()).containsExactly(new ApiException.FieldError("title", "must not be blank"));
    assertThat(e.isConnectionProblem()).isFalse();
  }

  @Test
  void copesWithBodiesThatAreNotProblems() {
    assertThat(Problems.from(503, "<html>down</html>").getMessage()).isEqualTo("The server cannot serve right now");
    assertThat(Problems.from(503, "").isConnectionProblem()).isTrue();
    assertThat(Problems.from(401, null).getMessage()).contains("token");
    assertThat(Problems.from(418, "[]").getMessage()).isEqualTo("Request failed (HTTP 418)");
  }
}
