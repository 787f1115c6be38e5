package dev.taskflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** API answers are never cached and never content-sniffed: successes, problems and 404s alike. */
class SecurityHeadersIT {

  private final String user = Api.newUser("headers");

  @Test
  void everyKindOfApiAnswerCarriesNoStoreAndNosniff() {
    Api.Reply list = Api.get(user, "/api/v1/tasks");
    Api.Reply missing = Api.get(user, "/api/v1/tasks/999999999999");
    Api.Reply invalid = Api.post(user, "/api/v1/tasks", "{\"title\": \"\"}");
    Api.Reply preview = Api.post(user, "/api/v1/recurrence/preview", "{\"rule\": \"FREQ=DAILY\", \"start\": \"2026-01-01T09:00:00\"}");

    for (Api.Reply reply : new Api.Reply[] {list, missing, invalid, preview}) {
      assertThat(reply.header("Cache-Control")).as(reply.toString()).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
      assertThat(reply.header("X-Content-Type-Options")).as(reply.toString()).hasValue("nosniff");
    }
    assertThat(list.status()).isEqualTo(200);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(preview.status()).isEqualTo(200);
  }
}
