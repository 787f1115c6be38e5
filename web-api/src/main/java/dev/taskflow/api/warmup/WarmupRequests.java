package dev.taskflow.api.warmup;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/**
 * Recognises the warm-up's own requests. A request is the warm-up's when it carries this start's
 * secret (random, in memory only) in {@link #HEADER}, comes from this machine, and the server is
 * still warming up; its caller is then the warm-up's synthetic user. Anything else is an ordinary
 * request and the header is ignored.
 */
@jakarta.ws.rs.ext.Provider
@Priority(Priorities.AUTHENTICATION - 200)
public class WarmupRequests implements ContainerRequestFilter {

  static final String HEADER = "Taskflow-Warmup";

  @Inject Warmup warmup;
  @Context HttpServletRequest servletRequest;

  /** Whether this request is one of the warm-up's own. */
  public static boolean isWarmup(ContainerRequestContext request) {
    return request.getSecurityContext() instanceof WarmupSecurity;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String secret = request.getHeaderString(HEADER);
    if (secret == null) {
      return;
    }
    Optional<String> user = warmup.caller(secret, servletRequest.getRemoteAddr(), servletRequest.getLocalAddr());
    user.ifPresent(id -> request.setSecurityContext(new WarmupSecurity(id, request.getSecurityContext())));
  }

  /** The warm-up's identity: its synthetic user, never a token's subject. */
  public record WarmupPrincipal(String user) implements Principal {
    @Override
    public String getName() {
      return user;
    }
  }

  private record WarmupSecurity(String user, SecurityContext original) implements SecurityContext {
    @Override
    public Principal getUserPrincipal() {
      return new WarmupPrincipal(user);
    }

    @Override
    public boolean isUserInRole(String role) {
      return false;
    }

    @Override
    public boolean isSecure() {
      return original != null && original.isSecure();
    }

    @Override
    public String getAuthenticationScheme() {
      return "Warmup";
    }
  }
}
