package dev.taskflow.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Answers "is the broker reachable?" for readiness. One admin client for the application's life,
 * closed on shutdown; answers are cached briefly so frequent probes do not hammer the broker.
 */
@ApplicationScoped
public class KafkaProbe {

  private static final Duration CACHE = Duration.ofSeconds(2);
  private static final int TIMEOUT_MILLIS = 2_000;

  @Inject KafkaSettings settings;

  private Admin admin;
  private Instant checkedAt = Instant.EPOCH;
  private boolean reachable;

  public synchronized boolean reachable() {
    Instant now = Instant.now();
    if (Duration.between(checkedAt, now).compareTo(CACHE) < 0) {
      return reachable;
    }
    reachable = describeCluster();
    checkedAt = Instant.now();
    return reachable;
  }

  private boolean describeCluster() {
    try {
      if (admin == null) {
        admin = Admin.create(settings.adminClientConfig());
      }
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MILLIS))
          .clusterId()
          .get(TIMEOUT_MILLIS + 500L, TimeUnit.MILLISECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  @PreDestroy
  synchronized void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
      admin = null;
    }
  }
}
