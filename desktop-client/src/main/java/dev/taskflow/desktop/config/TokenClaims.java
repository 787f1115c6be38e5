package dev.taskflow.desktop.config;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The claims the client needs from its token: who the user is (to show only their reminders) and
 * when the token expires. Not verified here: the server verifies every request.
 */
public record TokenClaims(String subject, Instant expiresAt) {

  /** The claims of a JWT, or null when the text is not one. */
  public static TokenClaims parse(String jwt) {
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try (JsonReader reader = Json.createReader(new StringReader(
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
      JsonObject claims = reader.readObject();
      String subject = claims.getString("sub", null);
      if (subject == null) {
        return null;
      }
      Instant expiresAt = claims.get("exp") instanceof JsonNumber exp ? Instant.ofEpochSecond(exp.longValue()) : null;
      return new TokenClaims(subject, expiresAt);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
