package dev.taskflow.api.warmup;

import dev.taskflow.json.Jsons;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * One warm-up client: the requests real clients send, over HTTP to this very server, as the
 * warm-up's synthetic user ({@link WarmupRequests}), committed as real requests are (the commit,
 * the after-commit work and the relay's wake-up are hot paths too); its events are recorded as
 * published already and never leave the database. Also checks an RS256 signature per round, the
 * JDK code that verifies every bearer token.
 */
final class WarmupTraffic {

  /** An answer the warm-up did not expect: it is not talking to this server's API as itself. */
  static final class Unexpected extends IOException {
    final int status;

    Unexpected(String request, int status, String body) {
      super(request + " answered " + status + ": " + (body.length() > 200 ? body.substring(0, 200) : body));
      this.status = status;
    }
  }

  private final HttpClient http;
  private final URI base;
  private final String secret;
  private final List<Long> seeds;
  private final LongConsumer latencyNanos;
  private final KeyPair signingKeys;
  private final byte[] signed = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ3YXJtdXAifQ".getBytes(StandardCharsets.US_ASCII);
  private byte[] signature;
  private long round;

  WarmupTraffic(HttpClient http, URI base, String secret, List<Long> seeds, LongConsumer latencyNanos)
      throws GeneralSecurityException {
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("a warm-up client needs seed tasks to read");
    }
    this.http = http;
    this.base = base;
    this.secret = secret;
    this.seeds = List.copyOf(seeds);
    this.latencyNanos = latencyNanos;
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    this.signingKeys = generator.generateKeyPair();
  }

  /**
   * One round of every kind of request a client sends; throws on an answer no client of this API
   * would get. Creates two tasks and changes, completes and deletes them, so the user keeps only
   * its seeds; reads and searches its seeds and what it created.
   */
  void round() throws IOException, InterruptedException, GeneralSecurityException {
    round++;
    String due = Instant.now().plus(Duration.ofDays(30)).toString();
    long recurring = id(send("POST", "/api/v1/tasks", "application/json", "{\"title\":\"Prepare the quarterly report "
        + round + "\",\"description\":\"Numbers from the budget meeting\",\"priority\":\"high\","
        + "\"category\":\"work\",\"tags\":[\"work\",\"q4\"],\"dueDate\":\"" + due + "\","
        + "\"timeZone\":\"Europe/Berlin\",\"recurrenceRule\":\"FREQ=WEEKLY;BYDAY=MO,WE\",\"remindBeforeMinutes\":30}",
        round % 2 == 0 ? UUID.randomUUID().toString() : null, 201));
    long plain = id(send("POST", "/api/v1/tasks", "application/json", "{\"title\":\"Call the plumber\"}", null, 201));
    send("GET", "/api/v1/tasks?status=all&limit=20", null, null, null, 200);
    send("GET", "/api/v1/tasks", null, null, null, 200);
    send("GET", "/api/v1/tasks/" + seeds.get((int) (round % seeds.size())), null, null, null, 200);
    send("GET", "/api/v1/tasks/" + recurring, null, null, null, 200);
    send("PATCH", "/api/v1/tasks/" + recurring, "application/merge-patch+json",
        "{\"title\":\"Prepare the annual report\",\"priority\":\"low\",\"description\":null}", null, 200);
    send("POST", "/api/v1/tasks/" + recurring + "/complete", null, null, null, 200);
    for (String q : new String[] {"report", "meet", "\"quarterly report\"", "reprot", "plants -balcony"}) {
      send("GET", "/api/v1/tasks/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), null, null, null, 200);
    }
    send("POST", "/api/v1/recurrence/preview", "application/json",
        "{\"rule\":\"FREQ=MONTHLY;BYDAY=-1FR\",\"start\":\"2026-01-30T09:00:00\",\"timeZone\":\"Europe/Berlin\","
            + "\"count\":5}", null, 200);
    send("GET", "/api/v1/tasks/999999999999999", null, null, null, 404);
    send("POST", "/api/v1/tasks", "application/json", "{\"title\":\"\",\"priority\":\"urgent\"}", null, 400);
    send("DELETE", "/api/v1/tasks/" + plain, null, null, null, 204);
    send("DELETE", "/api/v1/tasks/" + recurring, null, null, null, 204);
    verifySignature();
  }

  private static long id(String created) {
    try (var reader = Jsons.createReader(new java.io.StringReader(created))) {
      return reader.readObject().getJsonNumber("id").longValue();
    }
  }

  private String send(String method, String path, String type, String body, String idempotencyKey, int expected)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header(WarmupRequests.HEADER, secret)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (type != null) {
      request.header("Content-Type", type);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    long started = System.nanoTime();
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    latencyNanos.accept(System.nanoTime() - started);
    if (response.statusCode() != expected) {
      throw new Unexpected(method + " " + path, response.statusCode(), response.body());
    }
    return response.body();
  }

  /**
   * Loads the bearer-token path before ready: one request with a well-formed RS256 token for
   * {@code issuer}, signed with a throw-away key (its {@code kid} says so), that MP-JWT parses, looks
   * up the verification key for and rejects (one CWWKS5523E line in trace.log); the request goes on
   * unauthenticated and the ready gate answers it 503 (after the warm-up: 401). The server
   * holds no signing key, so it cannot send itself a valid token; without this the first real
   * tokens load those classes under load, measured at about 1 s of p99 in the first seconds after
   * ready (docs/PERFORMANCE.md).
   */
  void probeTokenPath(String issuer) throws IOException, InterruptedException, GeneralSecurityException {
    java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
    long now = Instant.now().getEpochSecond();
    String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"taskflow-warmup-probe\"}"
        .getBytes(StandardCharsets.UTF_8));
    String claims = b64.encodeToString(("{\"iss\":" + jsonString(issuer) + ",\"sub\":\"taskflow:warmup:probe\","
        + "\"upn\":\"taskflow:warmup:probe\",\"iat\":" + now + ",\"exp\":" + (now + 300) + "}")
        .getBytes(StandardCharsets.UTF_8));
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(signingKeys.getPrivate());
    signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
    String token = header + "." + claims + "." + b64.encodeToString(signer.sign());
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/tasks")).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 503 && response.statusCode() != 401) {
      throw new Unexpected("GET /api/v1/tasks with the probe token", response.statusCode(), response.body());
    }
  }

  private static String jsonString(String value) {
    return Jsons.createValue(value).toString();
  }

  /** What MP-JWT does for every request: SHA256withRSA verification (with a key of our own). */
  private void verifySignature() throws GeneralSecurityException {
    if (signature == null) {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(signingKeys.getPrivate());
      signer.update(signed);
      signature = signer.sign();
    }
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(signingKeys.getPublic());
    verifier.update(signed);
    if (!verifier.verify(signature)) {
      throw new GeneralSecurityException("the warm-up's own signature did not verify");
    }
  }
}
