package dev.taskflow.outbox;

import dev.taskflow.event.EventType;
import dev.taskflow.event.TaskEvents;
import dev.taskflow.kafka.KafkaSettings;
import dev.taskflow.task.Task;
import dev.taskflow.warmup.WarmupTasks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes events into the outbox table in the caller's transaction: the change and its event
 * commit together or not at all. The API never talks to Kafka; the relay does, after commit.
 */
@ApplicationScoped
public class Outbox {

  @PersistenceContext(unitName = "taskflow")
  EntityManager em;

  @Inject KafkaSettings settings;
  @Inject Event<OutboxWritten> written;

  private final Clock clock = Clock.systemUTC();

  /** Records a task event; a completed recurring task's event also goes to the recurrence topic. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(EventType type, Task task) {
    record(type, task, Map.of());
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(EventType type, Task task, Map<String, Integer> extraData) {
    UUID id = UUID.randomUUID();
    String payload = TaskEvents.of(id, type, task, clock.instant(), extraData).toString();
    // The start-up warm-up's synthetic users: their events are recorded as published already,
    // so the relay never sends them; the warm-up deletes them with its other rows.
    String publishedAt = WarmupTasks.isWarmupUser(task.userId()) ? "clock_timestamp()" : "NULL";
    for (String topic : topics(type, task)) {
      em.createNativeQuery(
              "INSERT INTO outbox_event (event_id, topic, event_key, event_type, payload, user_id, published_at)"
                  + " VALUES (CAST(?1 AS uuid), ?2, ?3, ?4, ?5, ?6, " + publishedAt + ")")
          .setParameter(1, id.toString())
          .setParameter(2, topic)
          .setParameter(3, String.valueOf(task.id()))
          .setParameter(4, type.type())
          .setParameter(5, payload)
          .setParameter(6, task.userId())
          .executeUpdate();
    }
    // Observed after a successful commit: the relay publishes within milliseconds.
    written.fire(new OutboxWritten());
  }

  private List<String> topics(EventType type, Task task) {
    return switch (type) {
      case REMINDER_SENT -> List.of(settings.remindersTopic());
      case TASK_COMPLETED ->
          task.recurrenceRule() == null
              ? List.of(settings.eventsTopic())
              : List.of(settings.eventsTopic(), settings.recurrenceTopic());
      default -> List.of(settings.eventsTopic());
    };
  }
}
