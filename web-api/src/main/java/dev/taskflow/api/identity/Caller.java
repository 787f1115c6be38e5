package dev.taskflow.api.identity;

import dev.taskflow.api.warmup.WarmupRequests.WarmupPrincipal;
import dev.taskflow.warmup.WarmupTasks;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.json.JsonNumber;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller's user id: the {@code sub} claim of the token MP-JWT verified, never anything from
 * the request body. Read from the request's security context, which (unlike an injected token) is
 * safe to ask when nobody is signed in. Subjects in the warm-up's namespace
 * ({@code taskflow:warmup:}) belong to the server itself: no token may sign in as one.
 *
 * <p>A token must also say when it was issued ({@code iat}), and be at most {@code
 * mp.jwt.verify.token.age} seconds old (default 86,400: 24 h), with the same 30 s of clock skew as
 * server.xml's mpJwt; a token "issued" in the future beyond that skew is refused too. Liberty's
 * MP-JWT 2.1 does not enforce this property here, so we do, whatever the token's {@code exp} says.
 */
public final class Caller {

  static final int MAX_ID_LENGTH = 255;
  static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
  static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);

  private static volatile Duration maxAge;

  private Caller() {}

  /** The user id, or empty when the request carries no verified token with a usable subject. */
  public static Optional<String> find(SecurityContext security) {
    Principal principal = security == null ? null : security.getUserPrincipal();
    if (principal instanceof WarmupPrincipal warmup) {
      return Optional.of(warmup.user());
    }
    if (!(principal instanceof JsonWebToken token)) {
      return Optional.empty();
    }
    String subject = token.getSubject();
    if (subject == null || subject.isBlank() || subject.length() > MAX_ID_LENGTH
        || subject.startsWith(WarmupTasks.USER_PREFIX)
        || !freshEnough(issuedAt(token), Instant.now(), maxAge())) {
      return Optional.empty();
    }
    return Optional.of(subject);
  }

  /** True when a token issued at {@code issuedAt} may still be used at {@code now}. */
  static boolean freshEnough(Optional<Instant> issuedAt, Instant now, Duration maxAge) {
    return issuedAt
        .filter(iat -> !iat.isAfter(now.plus(CLOCK_SKEW)))
        .filter(iat -> !iat.plus(maxAge).plus(CLOCK_SKEW).isBefore(now))
        .isPresent();
  }

  static Optional<Instant> issuedAt(JsonWebToken token) {
    Object iat = token.getClaim("iat");
    if (iat instanceof Number number) {
      return Optional.of(Instant.ofEpochSecond(number.longValue()));
    }
    if (iat instanceof JsonNumber number) {
      return Optional.of(Instant.ofEpochSecond(number.longValue()));
    }
    return Optional.empty();
  }

  private static Duration maxAge() {
    Duration age = maxAge;
    if (age == null) {
      age = ConfigProvider.getConfig()
          .getOptionalValue("mp.jwt.verify.token.age", Long.class)
          .filter(seconds -> seconds > 0)
          .map(Duration::ofSeconds)
          .orElse(DEFAULT_MAX_AGE);
      maxAge = age;
    }
    return age;
  }

  /** Whether {@code user} is the server's own warm-up caller (not limited, never a person). */
  public static boolean isWarmup(String user) {
    return user.startsWith(WarmupTasks.USER_PREFIX);
  }

  public static String id(SecurityContext security) {
    return find(security).orElseThrow(() -> new NotAuthorizedException("Bearer"));
  }
}
