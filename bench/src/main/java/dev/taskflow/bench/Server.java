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

  String metrics() throws Exception {
    return http.send(HttpRequest.newBuilder(base.resolve("/metrics?scope=application")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }
}
