package dev.taskflow.api.limits;

import dev.taskflow.api.identity.Caller;
import dev.taskflow.api.problem.Problem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Applies {@link UserLimits} to every request of a signed-in user, after authentication (requests
 * without a valid token are refused before this, and the warm-up's own requests are not limited).
 * A refused request gets {@code 429} problem+json with {@code Retry-After}; every limited answer
 * carries {@code RateLimit-Policy} and {@code RateLimit} (IETF draft-ietf-httpapi-ratelimit-headers)
 * so a client can pace itself. The in-flight slot is given back by {@link InFlightRelease} when the
 * servlet request ends, whatever happened in between.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 50)
public class RequestLimits implements ContainerRequestFilter, ContainerResponseFilter {

  static final String ADMITTED = RequestLimits.class.getName() + ".admitted";
  static final String TOO_MANY = "urn:taskflow:problem:too-many-requests";
  static final String POLICY = "per-user";

  private final UserLimits limits;

  /** Limits from MicroProfile Config ({@code taskflow.limits.*}; env {@code TASKFLOW_LIMITS_*}). */
  public RequestLimits() {
    Config config = ConfigProvider.getConfig();
    this.limits = new UserLimits(new UserLimits.Settings(
        config.getOptionalValue("taskflow.limits.requests-per-second", Long.class).orElse(50L),
        config.getOptionalValue("taskflow.limits.burst", Long.class).orElse(200L),
        config.getOptionalValue("taskflow.limits.in-flight", Integer.class).orElse(8)));
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<String> user = Caller.find(request.getSecurityContext()).filter(u -> !Caller.isWarmup(u));
    if (user.isEmpty()) {
      return;
    }
    UserLimits.Decision decision = limits.tryStart(user.get());
    if (decision instanceof UserLimits.Admitted admitted) {
      request.setProperty(ADMITTED, admitted);
    } else if (decision instanceof UserLimits.Refused refused) {
      Response.ResponseBuilder answer =
          new Problem(TOO_MANY, "Too Many Requests", 429, refused.reason(), List.of()).toResponseBuilder()
              .header(HttpHeaders.RETRY_AFTER, refused.retryAfterSeconds())
              .header("RateLimit-Policy", policy())
              .header("RateLimit", "\"" + POLICY + "\";r=0;t=" + refused.retryAfterSeconds());
      request.abortWith(answer.build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(ADMITTED) instanceof UserLimits.Admitted admitted) {
      response.getHeaders().putSingle("RateLimit-Policy", policy());
      response.getHeaders().putSingle("RateLimit",
          "\"" + POLICY + "\";r=" + admitted.remaining() + ";t=" + admitted.secondsToFull());
    }
  }

  private String policy() {
    UserLimits.Settings s = limits.settings();
    return "\"" + POLICY + "\";q=" + s.burst() + ";w=" + s.windowSeconds();
  }
}
