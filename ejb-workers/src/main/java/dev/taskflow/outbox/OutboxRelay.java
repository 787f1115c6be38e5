package dev.taskflow.outbox;

import dev.taskflow.kafka.KafkaSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the {@link OutboxRelayLoop} on a managed thread for the application's life, wakes it after
 * every commit that wrote events, and stops it cleanly on shutdown (the in-flight batch is
 * finished or abandoned; nothing unsent is ever marked sent).
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

  /** Not pooled (agedTimeout=0): closing a connection ends its session and so its advisory lock. */
  @Resource(lookup = "jdbc/taskflowRelay")
  DataSource relayDataSource;

  @Resource ManagedThreadFactory threads;

  @Inject KafkaSettings kafka;
  @Inject OutboxMetrics metrics;

  @Inject
  @ConfigProperty(name = "taskflow.outbox.batch-size", defaultValue = "500")
  int batchSize;

  @Inject
  @ConfigProperty(name = "taskflow.outbox.sweep-interval", defaultValue = "PT1S")
  Duration sweepInterval;

  @Inject
  @ConfigProperty(name = "taskflow.outbox.retention", defaultValue = "P7D")
  Duration retention;

  private OutboxRelayLoop loop;
  private Thread thread;

  @PostConstruct
  void start() {
    var settings = new OutboxRelayLoop.Settings(batchSize, sweepInterval, retention, OutboxRelayLoop.LOCK_KEY);
    loop =
        new OutboxRelayLoop(
            relayDataSource::getConnection, () -> new KafkaProducer<>(kafka.producerConfig()), settings, metrics);
    thread = threads.newThread(loop);
    thread.setName("taskflow-outbox-relay");
    thread.start();
    LOG.info(() -> "Outbox relay started (batch " + batchSize + ", sweep " + sweepInterval + ", retention " + retention + ")");
  }

  /** After a commit that wrote outbox rows: publish them now. */
  public void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
    loop.wake();
  }

  @PreDestroy
  void stop() {
    loop.stop();
    try {
      thread.join(Duration.ofSeconds(25).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("Outbox relay stopped");
  }
}
