package dev.taskflow.task;

import dev.taskflow.event.EventType;
import dev.taskflow.outbox.Outbox;
import dev.taskflow.persistence.DatabaseOutages;
import dev.taskflow.reminder.ReminderDue;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The task use cases. Every method is scoped by the caller's user id, and every change writes its
 * event to the outbox in the same transaction. Writers of an existing task hold its row lock while
 * they write the event, so events of one task are recorded in commit order.
 */
@Stateless
@Interceptors(DatabaseOutages.class)
public class TaskService {

  @PersistenceContext(unitName = "taskflow")
  private EntityManager em;

  @Inject Outbox outbox;
  @Inject Event<ReminderDue> reminderDue;

  private final Clock clock = Clock.systemUTC();

  public Task create(String userId, TaskDraft draft) {
    Task task = Task.create(userId, draft, now());
    em.persist(task);
    em.flush();
    task.startSeriesIfRecurring();
    outbox.record(EventType.TASK_CREATED, task);
    if (task.completed() && task.recurrenceRule() != null) {
      outbox.record(EventType.TASK_COMPLETED, task); // a done occurrence of a series: next one, please
    }
    armReminder(task);
    return task;
  }

  /** What {@link #create(String, TaskDraft, String)} did: created the task, or found the one a key already created. */
  public record Created(Task task, boolean replayed) {}

  /**
   * Creates a task once per {@code idempotencyKey} (null: no key). The key is claimed with an
   * insert that waits for any concurrent claimer of the same key to finish, so of two requests
   * racing with one key exactly one creates; the other finds that task. The key and the task
   * commit or roll back together.
   */
  public Created create(String userId, TaskDraft draft, String idempotencyKey) {
    if (idempotencyKey == null) {
      return new Created(create(userId, draft), false);
    }
    String fingerprint = fingerprint(draft);
    int claimed = em.createNativeQuery("INSERT INTO idempotency_key (user_id, idem_key, request_hash)"
            + " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
        .setParameter(1, userId).setParameter(2, idempotencyKey).setParameter(3, fingerprint).executeUpdate();
    if (claimed == 0) {
      @SuppressWarnings("unchecked")
      List<Object[]> prior = em.createNativeQuery("SELECT request_hash, task_id FROM idempotency_key"
              + " WHERE user_id = ?1 AND idem_key = ?2")
          .setParameter(1, userId).setParameter(2, idempotencyKey).getResultList();
      Object[] row = prior.get(0);
      if (!fingerprint.equals(row[0])) {
        throw new IdempotencyConflictException(422,
            "This Idempotency-Key was used with a different request; use a new key for a new task");
      }
      Task task = row[1] == null ? null : em.find(Task.class, ((Number) row[1]).longValue());
      if (task == null || !task.userId().equals(userId)) {
        throw new IdempotencyConflictException(409,
            "The task created with this Idempotency-Key has been deleted since; use a new key to create another");
      }
      return new Created(task, true);
    }
    Task task = create(userId, draft);
    em.createNativeQuery("UPDATE idempotency_key SET task_id = ?1 WHERE user_id = ?2 AND idem_key = ?3")
        .setParameter(1, task.id()).setParameter(2, userId).setParameter(3, idempotencyKey).executeUpdate();
    return new Created(task, false);
  }

  /** The request as validated, hashed: the same task asked for twice hashes the same, whatever the JSON's spacing. */
  static String fingerprint(TaskDraft draft) {
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
          .digest(TaskJson.writable(draft).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  public Task find(String userId, long id) {
    return owned(userId, id, LockModeType.NONE);
  }

  /** The first {@code limit} tasks of a status in the default order (by due date). */
  public TaskPage list(String userId, TaskStatus status, int limit) {
    return list(userId, TaskQuery.of(status, limit));
  }

  /**
   * One page of the user's tasks that pass the query's filters, in its order, after its cursor;
   * {@link TaskPage#next()} is where the next page starts, or null on the last page.
   */
  public TaskPage list(String userId, TaskQuery query) {
    TaskListingSql.Statement page = TaskListingSql.page(userId, query);
    @SuppressWarnings("unchecked")
    List<Task> rows = bind(em.createNativeQuery(page.sql(), Task.class), page).getResultList();
    TaskListingSql.Statement count = TaskListingSql.count(userId, query);
    long total = ((Number) bind(em.createNativeQuery(count.sql()), count).getSingleResult()).longValue();
    boolean more = rows.size() > query.limit();
    List<Task> items = List.copyOf(more ? rows.subList(0, query.limit()) : rows);
    return new TaskPage(items, total, more ? TaskCursor.after(query, items.get(items.size() - 1)) : null);
  }

  private static jakarta.persistence.Query bind(jakarta.persistence.Query query, TaskListingSql.Statement statement) {
    for (int i = 0; i < statement.parameters().size(); i++) {
      query.setParameter(i + 1, statement.parameters().get(i));
    }
    return query;
  }

  /**
   * Applies {@code change} to the task's current state under a row lock, so concurrent patches
   * never lose each other's fields. {@code change} may throw {@link InvalidTaskException}.
   */
  public Task patch(String userId, long id, UnaryOperator<TaskDraft> change) {
    Task task = owned(userId, id, LockModeType.PESSIMISTIC_WRITE);
    boolean wasCompleted = task.completed();
    boolean wasRecurring = task.recurrenceRule() != null;
    if (task.apply(change.apply(task.draft()), now())) {
      task.startSeriesIfRecurring();
      // completing, or making a completed task recurring: either way an occurrence is done
      boolean completes = task.completed() && (!wasCompleted || !wasRecurring && task.recurrenceRule() != null);
      outbox.record(completes ? EventType.TASK_COMPLETED : EventType.TASK_UPDATED, task);
      armReminder(task);
    }
    return task;
  }

  public Task complete(String userId, long id) {
    Task task = owned(userId, id, LockModeType.PESSIMISTIC_WRITE);
    if (task.complete(now())) {
      outbox.record(EventType.TASK_COMPLETED, task);
    }
    return task;
  }

  public void delete(String userId, long id) {
    Task task = owned(userId, id, LockModeType.PESSIMISTIC_WRITE);
    outbox.record(EventType.TASK_DELETED, task);
    em.remove(task);
  }

  /** After commit, the reminder scheduler wakes in time for this task's reminder. */
  private void armReminder(Task task) {
    task.pendingReminder(now()).ifPresent(at -> reminderDue.fire(new ReminderDue(at)));
  }

  private Task owned(String userId, long id, LockModeType lock) {
    List<Task> found =
        em.createQuery("SELECT t FROM Task t WHERE t.id = :id AND t.userId = :user", Task.class)
            .setParameter("id", id)
            .setParameter("user", userId)
            .setLockMode(lock)
            .getResultList();
    if (found.isEmpty()) {
      throw new TaskNotFoundException(id);
    }
    return found.get(0);
  }

  private Instant now() {
    return clock.instant();
  }
}
