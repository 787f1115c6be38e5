package dev.taskflow.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.Gauge;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The relay's numbers, in Prometheus format at {@code /metrics}: events published, publish lag
 * from commit to broker ack, publish failures, and the backlog.
 */
@ApplicationScoped
public class OutboxMetrics implements OutboxRelayLoop.Listener {

  private static final Logger LOG = Logger.getLogger(OutboxMetrics.class.getName());

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Inject OutboxBacklog backlog;

  private volatile boolean failing;

  @Override
  public void published(List<Double> lagSeconds) {
    Timer lag = registry.timer("taskflow_outbox_publish_lag");
    lagSeconds.forEach(seconds -> lag.update(Duration.ofNanos((long) (seconds * 1_000_000_000L))));
    registry.counter("taskflow_outbox_published").inc(lagSeconds.size());
    if (failing && !lagSeconds.isEmpty()) {
      failing = false;
      LOG.info("Outbox relay publishes again");
    }
  }

  @Override
  public void failed(Exception cause) {
    Counter failures = registry.counter("taskflow_outbox_publish_failures");
    failures.inc();
    if (!failing) {
      failing = true;
      LOG.warning(() -> "Outbox relay cannot publish, events wait in the database: " + cause.getMessage());
    }
  }

  @Override
  public void leadership(boolean leader) {
    LOG.info(leader ? "This server's outbox relay is now the active one" : "This server's outbox relay stepped down");
  }

  @Gauge(name = "taskflow_outbox_backlog", unit = "events", description = "Events not yet published to Kafka", absolute = true)
  public long backlog() {
    return backlog.size().orElse(-1);
  }
}
