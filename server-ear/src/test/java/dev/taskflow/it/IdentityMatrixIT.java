package dev.taskflow.it;

import static dev.taskflow.it.Api.TASKS;
import static dev.taskflow.it.TaskValidationIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskflow.devtools.DevJwt;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Identity and isolation, as a matrix: every endpoint of API.md (and the reminder stream) with
 * every kind of bad credential answers 401 problem+json with a challenge, and with another user's
 * valid token answers 404 for a task it does not own, exactly as for a task that does not exist,
 * while lists, search and the stream stay silent about it. Nothing any of these requests carried
 * changes the owner's task or writes an event for it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityMatrixIT {

  private static final String OWNER = Api.newUser("owner");
  private static final String INTRUDER = Api.newUser("intruder");
  private static final String SECRET_WORD = "Quetzalcoatl";

  private JsonObject ownersTask;
  private long ownersTaskId;
  private long eventsBefore;

  /** One endpoint; {@code {id}} stands for the owner's task. */
  record Endpoint(String method, String path, String contentType, String body) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static final List<Endpoint> ENDPOINTS = List.of(
      new Endpoint("GET", TASKS + "?status=all", null, null),
      new Endpoint("POST", TASKS, "application/json", "{\"title\": \"planted by a stranger\"}"),
      new Endpoint("GET", TASKS + "/search?q=" + SECRET_WORD + "&status=all", null, null),
      new Endpoint("POST", "/api/v1/recurrence/preview", "application/json",
          "{\"rule\": \"FREQ=DAILY\", \"start\": \"2026-01-30T09:00:00\", \"count\": 3}"),
      new Endpoint("GET", "/api/v1/reminders/stream", null, null),
      new Endpoint("GET", "/api/v1/events/stream", null, null),
      new Endpoint("GET", TASKS + "/{id}", null, null),
      new Endpoint("PATCH", TASKS + "/{id}", "application/merge-patch+json", "{\"title\": \"stolen\", \"completed\": true}"),
      new Endpoint("DELETE", TASKS + "/{id}", null, null),
      new Endpoint("POST", TASKS + "/{id}/complete", null, null));

  /** The bad credentials: each must be refused with 401 wherever it is shown. */
  static Stream<Arguments> badCredentials() {
    Map<String, Supplier<String>> credentials = new LinkedHashMap<>();
    credentials.put("no token", () -> null);
    credentials.put("empty bearer", () -> "");
    credentials.put("garbage", () -> "garbage");
    credentials.put("three empty parts", () -> "a.b.c");
    credentials.put("expired", () -> signed(claims(OWNER, -7200, -3600, DevJwt.ISSUER)));
    credentials.put("not yet valid", () -> signed(withNotBefore(claims(OWNER, 0, 7200, DevJwt.ISSUER), 3600)));
    credentials.put("expired 90 s ago (beyond the 30 s skew)", () -> signed(claims(OWNER, -3600, -90, DevJwt.ISSUER)));
    credentials.put("for another audience", () -> signed(withAudience(claims(OWNER, 0, 3600, DevJwt.ISSUER), "some-other-service")));
    credentials.put("without an audience", () -> signed(withAudience(claims(OWNER, 0, 3600, DevJwt.ISSUER), null)));
    credentials.put("issued 25 h ago, valid for 10 years", () -> signed(claims(OWNER, -25 * 3600, 10L * 365 * 86400, DevJwt.ISSUER)));
    credentials.put("issued in an hour", () -> signed(claims(OWNER, 3600, 7200, DevJwt.ISSUER)));
    credentials.put("without issued-at", () -> signed(withoutIssuedAt(claims(OWNER, 0, 3600, DevJwt.ISSUER))));
    credentials.put("signed by another key", IdentityMatrixIT::strangersToken);
    credentials.put("another issuer", () -> signed(claims(OWNER, 0, 3600, "someone-else")));
    credentials.put("alg none", () -> unsigned(claims(OWNER, 0, 3600, DevJwt.ISSUER)));
    credentials.put("HS256 keyed with the public key", () -> hmacWithPublicKey(claims(OWNER, 0, 3600, DevJwt.ISSUER)));
    credentials.put("tampered payload", IdentityMatrixIT::tamperedToken);
    List<Arguments> cases = new ArrayList<>();
    credentials.forEach((name, token) -> ENDPOINTS.forEach(endpoint -> cases.add(Arguments.of(name, token, endpoint))));
    return cases.stream();
  }

  @BeforeAll
  void createTheOwnersTask() throws Exception {
    ownersTask = Api.createTask(OWNER, "{\"title\": \"" + SECRET_WORD + " surprise party\", \"description\": \"do not tell\", "
        + "\"dueDate\": \"" + Instant.now().plus(Duration.ofDays(3)) + "\", \"tags\": [\"secret\"]}");
    ownersTaskId = ownersTask.getJsonNumber("id").longValue();
    eventsBefore = eventsFor(ownersTaskId);
    assertThat(eventsBefore).as("the creation's event").isEqualTo(1);
  }

  @AfterAll
  void theOwnersTaskIsUntouched() throws Exception {
    assertThat(Api.get(OWNER, TASKS + "/" + ownersTaskId).json()).isEqualTo(ownersTask);
    assertThat(eventsFor(ownersTaskId)).as("events written for the owner's task").isEqualTo(eventsBefore);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("badCredentials")
  void badCredentialsAnswer401(String credential, Supplier<String> token, Endpoint endpoint) {
    Api.Reply reply = Api.sendWithToken(token.get(), endpoint.method(), path(endpoint), endpoint.contentType(), endpoint.body());

    assertProblem(reply, 401);
    assertThat(reply.header("WWW-Authenticate")).as(credential + " at " + endpoint).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Bearer"));
  }

  static Stream<Endpoint> taskEndpoints() {
    return ENDPOINTS.stream().filter(e -> e.path().contains("{id}"));
  }

  @ParameterizedTest(name = "another user's token: {0}")
  @MethodSource("taskEndpoints")
  void anotherUsersTaskAnswersExactlyLikeAMissingOne(Endpoint endpoint) {
    Api.Reply stranger = Api.send(INTRUDER, endpoint.method(), path(endpoint), endpoint.contentType(), endpoint.body());
    Api.Reply missing = Api.send(INTRUDER, endpoint.method(), endpoint.path().replace("{id}", "999999999999"),
        endpoint.contentType(), endpoint.body());

    assertProblem(stranger, 404);
    assertProblem(missing, 404);
    assertThat(stranger.json().getString("type")).isEqualTo(missing.json().getString("type"));
    assertThat(stranger.json().getString("title")).isEqualTo(missing.json().getString("title"));
    assertThat(stranger.body()).doesNotContain(SECRET_WORD, OWNER);
  }

  @Test
  void anotherUsersListAndSearchNeverShowTheTask() {
    Api.Reply list = Api.get(INTRUDER, TASKS + "?status=all&limit=200");
    Api.Reply search = Api.get(INTRUDER, TASKS + "/search?q=" + SECRET_WORD + "&status=all");
    Api.Reply tagSearch = Api.get(INTRUDER, TASKS + "/search?q=secret+party&status=all");

    for (Api.Reply reply : List.of(list, search, tagSearch)) {
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      assertThat(reply.items()).as(reply.toString())
          .noneMatch(item -> item.asJsonObject().getJsonNumber("id").longValue() == ownersTaskId);
      // Search echoes the caller's own query; nothing else of the owner's task may show.
      assertThat(reply.body()).doesNotContain("surprise party", "do not tell", OWNER);
    }
    assertThat(Api.get(OWNER, TASKS + "/search?q=" + SECRET_WORD).items()).hasSize(1);
  }

  @Test
  void anotherUsersStreamNeverCarriesTheOwnersReminder() throws Exception {
    try (SseStream intruders = new SseStream(Api.token(INTRUDER), "/api/v1/reminders/stream", null)) {
      assertThat(intruders.status).isEqualTo(200);
      long owners = ReminderStreamIT.createDueIn30(OWNER, SECRET_WORD + " reminder");
      await().atMost(Duration.ofSeconds(20)).until(() -> Api.get(OWNER, TASKS + "/" + owners).json().getBoolean("reminderSent"));
      // The intruder's own reminder comes after the owner's in the feed: once it is here, the owner's has gone by.
      long own = ReminderStreamIT.createDueIn30(INTRUDER, "intruder's own");
      await().atMost(Duration.ofSeconds(20)).until(() -> !intruders.events.isEmpty());

      assertThat(intruders.events).hasSize(1);
      assertThat(intruders.events.get(0).json().getString("subject")).isEqualTo(String.valueOf(own));
      assertThat(intruders.events).extracting(SseStream.Event::data).noneMatch(d -> d.contains(SECRET_WORD) || d.contains(OWNER));
    }
  }

  @Test
  void anotherUsersEventStreamNeverCarriesTheOwnersChanges() throws Exception {
    try (SseStream intruders = new SseStream(Api.token(INTRUDER), "/api/v1/events/stream", null)) {
      assertThat(intruders.status).isEqualTo(200);
      long owners = Api.createTask(OWNER, "{\"title\": \"" + SECRET_WORD + " change\"}").getJsonNumber("id").longValue();
      Api.patch(OWNER, TASKS + "/" + owners, "{\"description\": \"" + SECRET_WORD + "\"}");
      Api.delete(OWNER, TASKS + "/" + owners);
      // The intruder's own change comes after the owner's in the feed: once it is here, the owner's have gone by.
      long own = Api.createTask(INTRUDER, "{\"title\": \"intruder's own change\"}").getJsonNumber("id").longValue();
      await().atMost(Duration.ofSeconds(20)).until(() -> !intruders.events.isEmpty());

      assertThat(intruders.events).hasSize(1);
      assertThat(intruders.events.get(0).json().getString("subject")).isEqualTo(String.valueOf(own));
      assertThat(intruders.events).extracting(SseStream.Event::data).noneMatch(d -> d.contains(SECRET_WORD) || d.contains(OWNER));
    }
  }

  @Test
  void aValidTokenIsAccepted() {
    assertThat(Api.get(OWNER, TASKS + "/" + ownersTaskId).status()).isEqualTo(200);
  }

  private String path(Endpoint endpoint) {
    return endpoint.path().replace("{id}", String.valueOf(ownersTaskId));
  }

  private static long eventsFor(long taskId) throws Exception {
    return SchemaIT.count("SELECT count(*) FROM outbox_event WHERE event_key = ?", String.valueOf(taskId));
  }

  private static Map<String, Object> claims(String user, long issuedIn, long expiresIn, String issuer) {
    long now = Instant.now().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", issuer);
    claims.put("aud", DevJwt.AUDIENCE);
    claims.put("sub", user);
    claims.put("upn", user);
    claims.put("iat", now + issuedIn);
    claims.put("exp", now + expiresIn);
    return claims;
  }

  private static Map<String, Object> withAudience(Map<String, Object> claims, String audience) {
    if (audience == null) {
      claims.remove("aud");
    } else {
      claims.put("aud", audience);
    }
    return claims;
  }

  private static Map<String, Object> withoutIssuedAt(Map<String, Object> claims) {
    claims.remove("iat");
    return claims;
  }

  private static Map<String, Object> withNotBefore(Map<String, Object> claims, long inSeconds) {
    claims.put("nbf", Instant.now().getEpochSecond() + inSeconds);
    return claims;
  }

  private static String signed(Map<String, Object> claims) {
    try {
      return DevJwt.sign(Api.signingKey(), claims);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String strangersToken() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      PrivateKey stranger = generator.generateKeyPair().getPrivate();
      return DevJwt.sign(stranger, claims(OWNER, 0, 3600, DevJwt.ISSUER));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A valid token of the intruder whose payload was swapped for the owner's after signing. */
  private static String tamperedToken() {
    String[] intruders = signed(claims(INTRUDER, 0, 3600, DevJwt.ISSUER)).split("\\.");
    return intruders[0] + "." + base64(json(claims(OWNER, 0, 3600, DevJwt.ISSUER))) + "." + intruders[2];
  }

  private static String unsigned(Map<String, Object> claims) {
    return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64(json(claims)) + ".";
  }

  /** The classic key-confusion forgery: HMAC keyed with the server's public RSA key, which anyone may hold. */
  private static String hmacWithPublicKey(Map<String, Object> claims) {
    try {
      Path publicKey = Path.of(System.getProperty("taskflow.jwt.privateKey")).resolveSibling("public.pem");
      String input = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + base64(json(claims));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Files.readAllBytes(publicKey), "HmacSHA256"));
      return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(Map<String, Object> claims) {
    StringBuilder json = new StringBuilder("{");
    claims.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":")
        .append(value instanceof Number ? value.toString() : "\"" + value + "\""));
    return json.append('}').toString();
  }

  private static String base64(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
