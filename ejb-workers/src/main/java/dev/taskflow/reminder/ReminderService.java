package dev.taskflow.reminder;

import dev.taskflow.event.EventType;
import dev.taskflow.outbox.Outbox;
import dev.taskflow.persistence.DatabaseOutages;
import dev.taskflow.task.Task;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Claims due reminders and records their events, atomically. A reminder is due when an open task
 * with a due date has {@code dueDate - remindBeforeMinutes <= now < dueDate} and was not reminded.
 * The claim locks with {@code FOR UPDATE SKIP LOCKED}: any number of servers can claim at once and
 * each reminder is claimed exactly once; a crash before commit rolls the claim back.
 */
@Stateless
@Interceptors(DatabaseOutages.class)
public class ReminderService {

  /**
   * Open, not reminded tasks whose window is open: from {@code remind_at} until the due date (for a
   * lead time of 0, the minute after it). The lower bound on {@code remind_at} (the longest lead
   * time, 30 days) keeps the range scan on the partial index tasks_reminder_idx short: overdue
   * tasks that were never reminded drop out of it.
   */
  public static final String PENDING =
      "completed = false AND reminder_sent = false AND due_date IS NOT NULL"
          + " AND remind_at > clock_timestamp() - interval '30 days 1 minute'"
          + " AND (due_date > clock_timestamp()"
          + "      OR remind_before_minutes = 0 AND due_date > clock_timestamp() - interval '1 minute')";

  public static final String CLAIM_SQL =
      "UPDATE tasks SET reminder_sent = true"
          + " WHERE id IN (SELECT id FROM tasks WHERE " + PENDING + " AND remind_at <= clock_timestamp()"
          + "   ORDER BY remind_at LIMIT ?1 FOR UPDATE SKIP LOCKED)"
          + " RETURNING id, EXTRACT(EPOCH FROM due_date - clock_timestamp()),"
          + "   EXTRACT(EPOCH FROM clock_timestamp() - remind_at)";

  /** The earliest pending reminder, due or not (one another server is claiming right now, too). */
  static final String NEXT_SQL = "SELECT min(remind_at) FROM tasks WHERE " + PENDING;

  @PersistenceContext(unitName = "taskflow")
  EntityManager em;

  @Inject Outbox outbox;

  /** Claims up to {@code limit} due reminders, writing each one's event in the same transaction. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Reminder> claimDue(int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(CLAIM_SQL).setParameter(1, limit).getResultList();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, Object[]> claimed = new HashMap<>();
    rows.forEach(row -> claimed.put(((Number) row[0]).longValue(), row));
    List<Reminder> sent = new ArrayList<>(rows.size());
    List<Task> tasks =
        em.createQuery("SELECT t FROM Task t WHERE t.id IN :ids ORDER BY t.id", Task.class)
            .setParameter("ids", List.copyOf(claimed.keySet()))
            .getResultList();
    for (Task task : tasks) {
      Object[] row = claimed.get(task.id());
      int minutes = (int) Math.max(0, Math.round(((Number) row[1]).doubleValue() / 60.0));
      outbox.record(EventType.REMINDER_SENT, task, Map.of("minutesUntilDue", minutes));
      sent.add(new Reminder(task.id(), task.title(), minutes, ((Number) row[2]).doubleValue()));
    }
    return sent;
  }

  /** When the next reminder becomes due, if any is waiting. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<Instant> nextDue() {
    Object next = em.createNativeQuery(NEXT_SQL).getSingleResult();
    if (next == null) {
      return Optional.empty();
    }
    if (next instanceof Timestamp timestamp) {
      return Optional.of(timestamp.toInstant());
    }
    if (next instanceof java.time.OffsetDateTime time) {
      return Optional.of(time.toInstant());
    }
    return Optional.of(Instant.parse(next.toString()));
  }
}
