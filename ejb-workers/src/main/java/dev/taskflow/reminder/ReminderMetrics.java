package dev.taskflow.reminder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** Reminders sent, their lateness (due time to claim), claim duration and failures, at /metrics. */
@ApplicationScoped
public class ReminderMetrics {

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  void claimed(List<Reminder> reminders, Duration took) {
    registry.timer("taskflow_reminder_claim_duration").update(took);
    if (reminders.isEmpty()) {
      return;
    }
    registry.counter("taskflow_reminders_sent").inc(reminders.size());
    Timer lateness = registry.timer("taskflow_reminder_lateness");
    reminders.forEach(r -> lateness.update(Duration.ofNanos((long) (Math.max(0, r.latenessSeconds()) * 1_000_000_000L))));
  }

  void failed() {
    registry.counter("taskflow_reminder_failures").inc();
  }
}
