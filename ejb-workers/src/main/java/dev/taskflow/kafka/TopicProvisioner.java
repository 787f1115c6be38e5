package dev.taskflow.kafka;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates our topics when the application starts, if they are missing. Idempotent, and safe when
 * several replicas race. A broker that is away does not stop the start: we retry with backoff.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TopicProvisioner {

  private static final Logger LOG = Logger.getLogger(TopicProvisioner.class.getName());
  private static final long FIRST_RETRY_MILLIS = 1_000;
  private static final long MAX_RETRY_MILLIS = 30_000;

  @Inject KafkaSettings settings;

  @Resource private TimerService timers;

  private long nextRetryMillis = FIRST_RETRY_MILLIS;
  private volatile boolean provisioned;

  @PostConstruct
  void start() {
    // Not on the start-up thread: a missing broker would hold the deployment for the timeouts.
    timers.createSingleActionTimer(1, new TimerConfig(null, false));
  }

  @Timeout
  void provision() {
    try {
      ensureTopics();
      provisioned = true;
    } catch (Exception e) {
      LOG.warning(() -> "Kafka topics not provisioned yet (" + e.getMessage() + "); retrying in " + nextRetryMillis + " ms");
      timers.createSingleActionTimer(nextRetryMillis, new TimerConfig(null, false));
      nextRetryMillis = Math.min(nextRetryMillis * 2, MAX_RETRY_MILLIS);
    }
  }

  public boolean isProvisioned() {
    return provisioned;
  }

  private void ensureTopics() throws InterruptedException, ExecutionException, TimeoutException {
    try (Admin admin = Admin.create(settings.adminClientConfig())) {
      Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
      List<NewTopic> missing =
          settings.topics().stream()
              .filter(topic -> !existing.contains(topic))
              .map(topic -> new NewTopic(topic, settings.partitions(), settings.replicationFactor()))
              .toList();
      for (NewTopic topic : missing) {
        try {
          admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
          LOG.info(() -> "Created Kafka topic " + topic.name() + " (" + topic.numPartitions() + " partitions, replication " + topic.replicationFactor() + ")");
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
  }
}
