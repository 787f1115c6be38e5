package dev.taskflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** /metrics in Prometheus format: per-endpoint latency and our own timers, with buckets to read a p95 off. */
class MetricsIT {

  static String metrics() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(Api.BASE_URL + "/metrics")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  static double value(String metrics, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + "\\S* ([0-9.E+-]+)$").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  @Test
  void theServerReportsLatencyPerEndpointAndForItsBackgroundWork() throws Exception {
    String user = Api.newUser("metrics");
    Api.createTask(user, "{\"title\":\"Measure the garden\",\"dueDate\":\"" + Instant.now().plus(Duration.ofMinutes(30))
        + "\"}");
    long recurring = Api.createTask(user, "{\"title\":\"Water the lawn\",\"recurrenceRule\":\"FREQ=DAILY\","
        + "\"dueDate\":\"" + Instant.now().plus(Duration.ofDays(1)) + "\"}").getJsonNumber("id").longValue();
    assertThat(Api.get(user, Api.TASKS + "/search?q=garden").status()).isEqualTo(200);
    assertThat(Api.post(user, Api.TASKS + "/" + recurring + "/complete", "").status()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      String m = metrics();
      assertThat(value(m, "taskflow_search_duration_seconds_count")).isGreaterThanOrEqualTo(1);
      assertThat(value(m, "taskflow_recurrence_processing_seconds_count")).isGreaterThanOrEqualTo(1);
      assertThat(value(m, "taskflow_outbox_publish_lag_seconds_count")).isGreaterThanOrEqualTo(3);
      assertThat(value(m, "taskflow_reminder_lateness_seconds_count")).isGreaterThanOrEqualTo(1);
    });
    String m = metrics();
    for (String timer : new String[] {"taskflow_search_duration", "taskflow_recurrence_processing",
        "taskflow_outbox_publish_lag", "taskflow_reminder_lateness", "taskflow_reminder_claim_duration"}) {
      assertThat(m).contains(timer + "_seconds_bucket{mp_scope=\"application\",le=\"0.02\",}")
          .contains(timer + "_seconds{mp_scope=\"application\",quantile=\"0.95\",}");
    }
    assertThat(m).containsPattern("REST_request_seconds_bucket\\{class=\"dev.taskflow.api.task.TaskResource\","
        + "method=\"search(_[^\"]*)?\",mp_scope=\"base\",le=\"0.02\",}")
        .containsPattern("REST_request_seconds_count\\{class=\"dev.taskflow.api.task.TaskResource\",method=\"create_");
    assertThat(value(m, "taskflow_outbox_backlog_events")).isGreaterThanOrEqualTo(0);
    assertThat(m).doesNotContain(user);
  }
}
