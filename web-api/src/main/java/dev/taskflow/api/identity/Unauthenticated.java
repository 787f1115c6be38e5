package dev.taskflow.api.identity;

import dev.taskflow.api.problem.Problem;
import java.util.List;

/**
 * The one 401 answer, wherever the refusal happens (our filter without a token, Liberty's MP-JWT
 * refusing a token): type {@code urn:taskflow:problem:unauthenticated} and an RFC 6750 challenge,
 * with {@code error="invalid_token"} when a token was sent (never saying what was wrong with it:
 * the log has that, counted, in {@link RefusedTokens}).
 */
public final class Unauthenticated {

  public static final String TYPE = "urn:taskflow:problem:unauthenticated";

  private Unauthenticated() {}

  public static Problem problem(boolean tokenSent) {
    return new Problem(
        TYPE,
        "Unauthorized",
        401,
        tokenSent
            ? "The bearer token was refused: it is malformed, badly signed, expired, not yet valid or for another audience."
            : "A valid bearer token (Authorization: Bearer <JWT>) with a subject is required.",
        List.of());
  }

  /** The {@code WWW-Authenticate} challenge. */
  public static String challenge(boolean tokenSent) {
    return tokenSent ? "Bearer realm=\"taskflow\", error=\"invalid_token\"" : "Bearer realm=\"taskflow\"";
  }

  /** Whether the request carried credentials at all. */
  public static boolean tokenSent(String authorization) {
    return authorization != null && !authorization.isBlank();
  }
}
