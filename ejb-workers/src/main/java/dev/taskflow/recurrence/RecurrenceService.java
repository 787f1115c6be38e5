package dev.taskflow.recurrence;

import dev.taskflow.event.EventType;
import dev.taskflow.outbox.Outbox;
import dev.taskflow.persistence.DatabaseOutages;
import dev.taskflow.reminder.ReminderDue;
import jakarta.enterprise.event.Event;
import dev.taskflow.task.Task;
import jakarta.ejb.Stateless;
import jakarta.interceptor.Interceptors;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.metrics.annotation.Timed;

/**
 * Creates the next occurrence of a completed recurring task, exactly once: the event id is
 * recorded in the same transaction (a replayed event changes nothing), and the completed task is
 * locked and remembers its successor (a second completion event for the same occurrence, or a
 * second consumer, changes nothing either).
 */
@Stateless
@Interceptors(DatabaseOutages.class)
public class RecurrenceService {

  static final String CONSUMER = "recurrence";
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(RecurrenceService.class.getName());

  /** What handling one completion event did. */
  public enum Outcome {
    SUCCESSOR_CREATED,
    DUPLICATE_EVENT,
    TASK_GONE,
    REOPENED,
    NOT_RECURRING,
    ALREADY_SUCCEEDED,
    SERIES_ENDED,
    RULE_UNUSABLE
  }

  /** The outcome and, when one was created, the successor. */
  public record Result(Outcome outcome, Long successorId, Instant successorDue) {
    static Result of(Outcome outcome) {
      return new Result(outcome, null, null);
    }
  }

  @PersistenceContext(unitName = "taskflow")
  EntityManager em;

  @Inject Outbox outbox;
  @Inject Event<ReminderDue> reminderDue;

  private final Clock clock = Clock.systemUTC();

  @Timed(name = "taskflow_recurrence_processing", absolute = true,
      description = "Handling a completed recurring task's event: next occurrence computed and created")
  public Result onCompleted(UUID eventId, long taskId, String userId) {
    int fresh =
        em.createNativeQuery(
                "INSERT INTO processed_event (consumer, event_id) VALUES (?1, CAST(?2 AS uuid)) ON CONFLICT DO NOTHING")
            .setParameter(1, CONSUMER)
            .setParameter(2, eventId.toString())
            .executeUpdate();
    if (fresh == 0) {
      return Result.of(Outcome.DUPLICATE_EVENT);
    }
    List<Task> found =
        em.createQuery("SELECT t FROM Task t WHERE t.id = :id AND t.userId = :user", Task.class)
            .setParameter("id", taskId)
            .setParameter("user", userId)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    if (found.isEmpty()) {
      return Result.of(Outcome.TASK_GONE);
    }
    Task task = found.get(0);
    if (!task.completed()) {
      return Result.of(Outcome.REOPENED); // completing it again publishes a new event
    }
    if (task.recurrenceRule() == null || task.dueDate() == null || task.seriesStart() == null) {
      return Result.of(Outcome.NOT_RECURRING);
    }
    if (task.successorId() != null) {
      return Result.of(Outcome.ALREADY_SUCCEEDED);
    }
    Instant now = clock.instant();
    Optional<Instant> due;
    try {
      due =
          NextOccurrence.of(
              new NextOccurrence.Completed(
                  task.recurrenceRule(),
                  ZoneId.of(task.timeZone()),
                  task.seriesStart(),
                  task.dueDate(),
                  task.completedAt(),
                  task.repeatFrom(),
                  task.occurrenceIndex()),
              now);
    } catch (InvalidRuleException e) {
      // a rule stored before today's limits, or one that ran out of budget: the series ends
      // here, logged, and the partition moves on
      LOG.warning(() -> "Task " + taskId + " recurs no more: its rule " + e.getMessage());
      return Result.of(Outcome.RULE_UNUSABLE);
    }
    if (due.isEmpty()) {
      return Result.of(Outcome.SERIES_ENDED);
    }
    Task successor = task.successor(due.get(), now);
    em.persist(successor);
    em.flush();
    task.succeededBy(successor);
    outbox.record(EventType.TASK_CREATED, successor);
    successor.pendingReminder(now).ifPresent(at -> reminderDue.fire(new ReminderDue(at)));
    return new Result(Outcome.SUCCESSOR_CREATED, successor.id(), due.get());
  }
}
