package dev.taskflow.config;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a production server refuses to start with (SECURITY.md, "Edges"). The profile is {@code
 * taskflow.profile} (env {@code TASKFLOW_PROFILE}; the Kubernetes base sets {@code production}, the
 * local stacks leave it unset); in production the database password ({@code DB_PASSWORD}, which
 * server.xml otherwise defaults to {@code taskflow}) must be set and must not be a known default or
 * a placeholder from our manifests.
 */
public final class ProductionSettings {

  public static final String PRODUCTION = "production";
  static final Set<String> KNOWN_DEFAULTS = Set.of("taskflow", "postgres", "password", "changeme", "secret", "admin");
  static final int MIN_LENGTH = 12;

  private ProductionSettings() {}

  /** Why a server with these settings must not start, or empty when it may. */
  public static Optional<String> problem(String profile, String dbPassword) {
    if (profile == null || !PRODUCTION.equals(profile.strip().toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    if (dbPassword == null || dbPassword.isBlank()) {
      return Optional.of("TASKFLOW_PROFILE=production needs DB_PASSWORD: without it the database password is "
          + "server.xml's default, 'taskflow'.");
    }
    String lower = dbPassword.toLowerCase(Locale.ROOT);
    if (KNOWN_DEFAULTS.contains(lower) || lower.contains("change-me") || lower.contains("placeholder")) {
      return Optional.of("TASKFLOW_PROFILE=production refuses a default or placeholder DB_PASSWORD; set a real one.");
    }
    if (dbPassword.length() < MIN_LENGTH) {
      return Optional.of("TASKFLOW_PROFILE=production needs a DB_PASSWORD of at least " + MIN_LENGTH + " characters.");
    }
    return Optional.empty();
  }
}
