package dev.taskflow.it;

import static dev.taskflow.it.Api.TASKS;
import static dev.taskflow.it.TaskValidationIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taskflow.devtools.DevJwt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Missing, malformed, forged or expired tokens answer 401 problem+json at every endpoint. */
class AuthenticationIT {

  private static final String[][] ENDPOINTS = {
    {"GET", TASKS}, {"POST", TASKS}, {"GET", TASKS + "/1"}, {"PATCH", TASKS + "/1"},
    {"DELETE", TASKS + "/1"}, {"POST", TASKS + "/1/complete"}
  };

  @Test
  void noTokenAnswers401() {
    assertEverywhere(null);
  }

  @Test
  void malformedTokensAnswer401() {
    assertEverywhere("garbage");
    assertEverywhere("a.b.c");
    assertEverywhere("");
  }

  @Test
  void expiredTokenAnswers401() throws Exception {
    long now = Instant.now().getEpochSecond();
    assertEverywhere(DevJwt.sign(Api.signingKey(), claims("carol", now - 7200, now - 3600, DevJwt.ISSUER)));
  }

  @Test
  void tokenSignedByAnotherKeyAnswers401() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    PrivateKey stranger = generator.generateKeyPair().getPrivate();
    assertEverywhere(DevJwt.token(stranger, "carol", java.time.Duration.ofHours(1)));
  }

  @Test
  void tokenFromAnotherIssuerAnswers401() throws Exception {
    long now = Instant.now().getEpochSecond();
    assertEverywhere(DevJwt.sign(Api.signingKey(), claims("carol", now, now + 3600, "someone-else")));
  }

  @Test
  void unsignedTokenAnswers401() {
    long now = Instant.now().getEpochSecond();
    String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    String payload = base64("{\"iss\":\"" + DevJwt.ISSUER + "\",\"sub\":\"carol\",\"upn\":\"carol\",\"exp\":" + (now + 3600) + "}");
    assertEverywhere(header + "." + payload + ".");
  }

  @Test
  void aValidTokenIsAccepted() {
    assertThat(Api.get(Api.newUser("dave"), TASKS).status()).isEqualTo(200);
  }

  private static void assertEverywhere(String token) {
    for (String[] endpoint : ENDPOINTS) {
      Api.Reply reply =
          Api.sendWithToken(token, endpoint[0], endpoint[1], "application/json", endpoint[0].equals("GET") || endpoint[0].equals("DELETE") ? null : "{\"title\": \"x\"}");
      assertProblem(reply, 401);
      assertThat(reply.header("WWW-Authenticate")).as(endpoint[0] + " " + endpoint[1]).isPresent();
    }
  }

  private static Map<String, Object> claims(String user, long issuedAt, long expires, String issuer) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", issuer);
    claims.put("sub", user);
    claims.put("upn", user);
    claims.put("iat", issuedAt);
    claims.put("exp", expires);
    return claims;
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
