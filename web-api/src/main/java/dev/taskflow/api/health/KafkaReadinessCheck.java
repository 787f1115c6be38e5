package dev.taskflow.api.health;

import dev.taskflow.kafka.KafkaProbe;
import dev.taskflow.kafka.TopicProvisioner;
import dev.taskflow.outbox.OutboxBacklog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the broker without gating readiness: while Kafka is away the API keeps serving and
 * events wait in the database. {@code outboxBacklog} counts them (-1 while the database cannot
 * be asked).
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

  @Inject KafkaProbe probe;
  @Inject TopicProvisioner topics;
  @Inject OutboxBacklog backlog;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("kafka")
        .up()
        .withData("reachable", probe.reachable())
        .withData("topicsProvisioned", topics.isProvisioned())
        .withData("outboxBacklog", backlog.size().orElse(-1))
        .build();
  }
}
