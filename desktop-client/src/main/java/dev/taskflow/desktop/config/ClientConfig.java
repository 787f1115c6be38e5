package dev.taskflow.desktop.config;

import java.net.URI;

/**
 * Where the client connects. {@code kafkaConfig} is the path of a Kafka client properties file with
 * the desktop's own credentials (see {@link KafkaClientSettings}); blank, the live reminders come
 * from the server's per-user stream instead of Kafka.
 */
public record ClientConfig(String serverUrl, String token, String kafkaConfig) {

  public ClientConfig {
    serverUrl = trim(serverUrl);
    token = trim(token);
    kafkaConfig = trim(kafkaConfig);
  }

  public boolean isComplete() {
    return problem() == null;
  }

  /**
   * Whether a Kafka client properties file is set: Kafka mode. Whether it holds credentials is
   * {@link #problem()}'s to say; a complete configuration has a valid one or none.
   */
  public boolean hasKafkaConfig() {
    return !kafkaConfig.isEmpty();
  }

  public URI serverUri() {
    return URI.create(serverUrl);
  }

  /** What is wrong with this configuration now, or null. */
  public String problem() {
    return problem(java.time.Instant.now());
  }

  /** What is wrong with this configuration at {@code now}, or null. */
  public String problem(java.time.Instant now) {
    if (serverUrl.isEmpty()) {
      return "The server URL is required";
    }
    try {
      URI uri = URI.create(serverUrl);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        return "The server URL must be an http:// or https:// address, e.g. http://localhost:9080";
      }
    } catch (IllegalArgumentException e) {
      return "The server URL is not a valid address";
    }
    if (token.isEmpty()) {
      return "A token is required (on a dev install: ./taskflow token <user>)";
    }
    TokenClaims claims = TokenClaims.parse(token);
    if (claims == null) {
      return "The token is not a JWT (three base64url parts separated by dots)";
    }
    if (claims.expiresAt() != null && !claims.expiresAt().isAfter(now)) {
      return "The token expired at " + claims.expiresAt() + "; get a new one (./taskflow token <user>)";
    }
    if (hasKafkaConfig()) {
      return KafkaClientSettings.problem(kafkaConfig);
    }
    return null;
  }

  private static String trim(String value) {
    return value == null ? "" : value.strip();
  }
}
