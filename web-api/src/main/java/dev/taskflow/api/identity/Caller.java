package dev.taskflow.api.identity;

import dev.taskflow.api.warmup.WarmupRequests.WarmupPrincipal;
import dev.taskflow.warmup.WarmupTasks;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller's user id: the {@code sub} claim of the token MP-JWT verified, never anything from
 * the request body. Read from the request's security context, which (unlike an injected token) is
 * safe to ask when nobody is signed in. Subjects in the warm-up's namespace
 * ({@code taskflow:warmup:}) belong to the server itself: no token may sign in as one.
 */
public final class Caller {

  static final int MAX_ID_LENGTH = 255;

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
        || subject.startsWith(WarmupTasks.USER_PREFIX)) {
      return Optional.empty();
    }
    return Optional.of(subject);
  }

  public static String id(SecurityContext security) {
    return find(security).orElseThrow(() -> new NotAuthorizedException("Bearer"));
  }
}
