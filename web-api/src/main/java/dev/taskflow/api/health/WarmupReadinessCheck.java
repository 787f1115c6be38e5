package dev.taskflow.api.health;

import dev.taskflow.api.warmup.Warmup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * Started and ready only once the server is warm (see {@link Warmup}): a pod gets traffic when
 * it can serve it at full speed, and the startup probe allows for the warm-up.
 */
@Readiness
@Startup
@ApplicationScoped
public class WarmupReadinessCheck implements HealthCheck {

  @Inject Warmup warmup;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("warmup").status(warmup.isWarm())
        .withData("phase", warmup.phase().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    if (warmup.phase() == Warmup.Phase.WARMING) {
      response.withData("elapsedMs", warmup.warmingMillis()).withData("requests", warmup.requests());
    }
    warmup.summary().ifPresent(s -> response.withData("tookMs", s.tookMillis()).withData("requests", s.requests())
        .withData("settled", s.settled()));
    return response.build();
  }
}
