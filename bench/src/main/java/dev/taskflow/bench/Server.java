package dev.taskflow.bench;

import dev.taskflow.devtools.DevJwt;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/** The deployed server over HTTP, as many users: tokens signed with the profile's dev key. */
final class Server {

  private final URI base;
  private final PrivateKey key;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .executor(Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "bench-http");
        t.setDaemon(true);
        return t;
      }))
      .build();

  Server(URI base, Path privateKey) throws Exception {
    this.base = base;
    this.key = DevJwt.readPrivateKey(privateKey);
  }

  String token(String user) {
    return tokens.computeIfAbsent(user, u -> {
      try {
        return DevJwt.token(key, u, Duration.ofHours(6));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token(user));
  }

  CompletableFuture<HttpResponse<String>> get(String user, String path) {
    return http.sendAsync(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  CompletableFuture<HttpResponse<String>> post(String user, String path, String json) {
    return http.sendAsync(request(user, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Any request, with its own timeout: the chaos load gives up on an answer sooner than the benchmark. */
  CompletableFuture<HttpResponse<String>> send(String user, String method, String path, String json, Duration timeout,
      String idempotencyKey) {
    HttpRequest.Builder request = request(user, path).timeout(timeout);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    if (json != null) {
      request.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
    }
    return http.sendAsync(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A status-only view for the load generator: 2xx is success. */
  static CompletableFuture<Boolean> ok(CompletableFuture<HttpResponse<String>> response) {
    return response.thenApply(r -> r.statusCode() / 100 == 2);
  }

  /** /health/ready's body, whatever its status; null while nothing answers. */
  String health() {
    try {
      return http.send(HttpRequest.newBuilder(base.resolve("/health/ready")).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (java.io.IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Ready as the fault suite counts it: the database check and the warm-up report UP. */
  static boolean isReady(String health) {
    return health.contains("\"name\":\"database\",\"status\":\"UP\"")
        && health.contains("\"name\":\"warmup\",\"status\":\"UP\"");
  }

  /** "18.2 s, 2,300 requests" from the warm-up check's data, or "?" when it is not in {@code health}. */
  static String warmupSummary(String health) {
    java.util.regex.Matcher took = java.util.regex.Pattern.compile("\"tookMs\":([0-9]+)").matcher(health);
    java.util.regex.Matcher requests = java.util.regex.Pattern.compile("\"requests\":([0-9]+)").matcher(health);
    if (!took.find() || !requests.find()) {
      return "?";
    }
    return String.format(java.util.Locale.ROOT, "%.1f s, %s requests", Long.parseLong(took.group(1)) / 1e3,
        requests.group(1));
  }

  /**
   * Warms this JVM's own HTTP client (its JIT, its connection pool) for {@code length} on
   * /health/live, which touches neither the API nor the database: the load generator times every
   * answer and should not count its own cold start against the server.
   */
  void warmClient(Duration length) {
    long until = System.nanoTime() + length.toNanos();
    HttpRequest live = HttpRequest.newBuilder(base.resolve("/health/live")).timeout(Duration.ofSeconds(5)).GET().build();
    while (System.nanoTime() < until) {
      java.util.List<CompletableFuture<HttpResponse<String>>> batch = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        batch.add(http.sendAsync(live, HttpResponse.BodyHandlers.ofString()));
      }
      batch.forEach(f -> f.exceptionally(e -> null).join());
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
    }
  }

  String metrics() throws Exception {
    return http.send(HttpRequest.newBuilder(base.resolve("/metrics?scope=application")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
