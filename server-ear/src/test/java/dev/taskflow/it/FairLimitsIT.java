package dev.taskflow.it;

import static dev.taskflow.it.TaskValidationIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * One user cannot take the server from others (SECURITY.md, "Fair limits"): a burst meets 429 with
 * Retry-After and RateLimit headers, slow bodies hold only that user's in-flight slots, and streams
 * are capped per user. Server defaults: 50 requests/s with a burst of 200, 8 in flight, 3 streams.
 */
class FairLimitsIT {

  static final String TASKS = "/api/v1/tasks";
  static final String STREAM = "/api/v1/reminders/stream";

  @Test
  void aBurstFromOneUserMeets429WhileAnotherUserIsServed() throws Exception {
    String greedy = Api.newUser("greedy");
    String calm = Api.newUser("calm");
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    AtomicReference<Api.Reply> refusal = new AtomicReference<>();
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < 800; i++) {
        sent.add(pool.submit(() -> {
          Api.Reply reply = Api.get(greedy, TASKS + "?limit=1");
          statuses.merge(reply.status(), 1, Integer::sum);
          if (reply.status() == 429) {
            refusal.compareAndSet(null, reply);
          }
        }));
      }
      Api.Reply served = Api.get(calm, TASKS + "?limit=1");
      for (Future<?> f : sent) {
        f.get(2, TimeUnit.MINUTES);
      }
      assertThat(served.status()).as("another user during the burst").isEqualTo(200);
      assertThat(served.header("RateLimit")).hasValueSatisfying(v -> assertThat(v).startsWith("\"per-user\";r="));
    } finally {
      pool.shutdownNow();
    }

    assertThat(statuses.keySet()).as(statuses.toString()).containsOnly(200, 429);
    assertThat(statuses.get(200)).as("the burst itself is served").isGreaterThanOrEqualTo(200);
    Api.Reply refused = refusal.get();
    assertProblem(refused, 429);
    assertThat(refused.json().getString("type")).isEqualTo("urn:taskflow:problem:too-many-requests");
    assertThat(refused.header("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
    assertThat(refused.header("RateLimit-Policy")).hasValue("\"per-user\";q=200;w=4");
    assertThat(refused.header("RateLimit")).hasValueSatisfying(v -> assertThat(v).startsWith("\"per-user\";r=0;t="));
    assertThat(refused.header("Cache-Control")).hasValue("no-store");
  }

  @Test
  void slowBodiesHoldOnlyTheirOwnUsersSlots() throws Exception {
    String slow = Api.newUser("slowloris");
    String other = Api.newUser("bystander");
    URI base = URI.create(Api.BASE_URL);
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        Socket socket = new Socket(base.getHost(), base.getPort());
        sockets.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + TASKS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Api.token(slow)
            + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"title\": ")
            .getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      Awaitility.await("the slow user's 9th request refused")
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> Api.get(slow, TASKS + "?limit=1").status() == 429);
      Api.Reply refused = Api.get(slow, TASKS + "?limit=1");
      assertProblem(refused, 429);
      assertThat(refused.json().getString("detail")).contains("8 requests in progress");
      assertThat(Api.get(other, TASKS + "?limit=1").status()).as("another user").isEqualTo(200);
    } finally {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
    Awaitility.await("slots given back when the bodies end")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> Api.get(slow, TASKS + "?limit=1").status() == 200);
    assertThat(Api.get(slow, TASKS + "?status=all").json().getInt("total")).as("nothing half-written").isZero();
  }

  @Test
  void aUserMayOpenThreeStreamsAndAnotherUserStillGetsOne() throws Exception {
    String watcher = Api.newUser("watcher");
    String neighbour = Api.newUser("neighbour");
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<InputStream> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        HttpResponse<InputStream> stream = openStream(client, watcher);
        open.add(stream.body());
        assertThat(stream.statusCode()).isEqualTo(200);
      }
      HttpResponse<InputStream> fourth = openStream(client, watcher);
      String body = new String(fourth.body().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(fourth.statusCode()).as(body).isEqualTo(429);
      assertThat(fourth.headers().firstValue("Content-Type")).hasValueSatisfying(
          v -> assertThat(v).startsWith("application/problem+json"));
      assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
      assertThat(body).contains("urn:taskflow:problem:too-many-requests").contains("3 live streams");

      HttpResponse<InputStream> neighbours = openStream(client, neighbour);
      open.add(neighbours.body());
      assertThat(neighbours.statusCode()).as("another user's stream").isEqualTo(200);

      open.remove(0).close();
      Awaitility.await("a closed stream frees its place")
          .atMost(Duration.ofSeconds(40))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> {
            HttpResponse<InputStream> again = openStream(client, watcher);
            if (again.statusCode() == 200) {
              open.add(again.body());
              return true;
            }
            again.body().close();
            return false;
          });
    } finally {
      for (InputStream stream : open) {
        stream.close();
      }
    }
  }

  private static HttpResponse<InputStream> openStream(HttpClient client, String user) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(Api.BASE_URL + STREAM))
        .header("Authorization", "Bearer " + Api.token(user))
        .header("Accept", "text/event-stream")
        .timeout(Duration.ofSeconds(20))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
  }
}
