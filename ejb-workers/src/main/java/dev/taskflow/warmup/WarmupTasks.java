package dev.taskflow.warmup;

import dev.taskflow.task.Priority;
import dev.taskflow.task.RepeatFrom;
import dev.taskflow.task.Task;
import dev.taskflow.task.TaskDraft;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The data of the start-up warm-up: a synthetic user per start, in a namespace of its own that no
 * token can sign in as (see the API's {@code Caller}). Its tasks are real rows, written through
 * the real services, but its events are recorded as published already (see {@code Outbox}), so
 * nothing of it ever reaches Kafka; and all its rows are deleted before the server reports ready.
 */
@Stateless
public class WarmupTasks {

  /** User ids of the warm-up; a token whose subject starts with this is refused. */
  public static final String USER_PREFIX = "taskflow:warmup:";

  private static final String[][] SAMPLES = {
    {"Prepare the quarterly report for Acme", "Numbers from the budget meeting, then the summary", "work"},
    {"Review the team meeting notes", "Send the action items to everyone", "work"},
    {"Water the plants", "The ones on the balcony need more", "home"},
    {"Book flight tickets for the conference", "Window seat, morning flight", "travel"},
  };

  @PersistenceContext(unitName = "taskflow")
  private EntityManager em;

  public static boolean isWarmupUser(String userId) {
    return userId != null && userId.startsWith(USER_PREFIX);
  }

  /** Creates {@code count} tasks of {@code userId} (one recurring), due in weeks, and answers their ids. */
  public List<Long> seed(String userId, int count) {
    if (!isWarmupUser(userId)) {
      throw new IllegalArgumentException("not a warm-up user: " + userId);
    }
    Instant now = Instant.now();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String[] sample = SAMPLES[i % SAMPLES.length];
      boolean recurring = i % SAMPLES.length == 2;
      TaskDraft draft = new TaskDraft(sample[0], sample[1], Priority.values()[i % Priority.values().length], sample[2],
          List.of(sample[2], "warmup"), now.plus(Duration.ofDays(30 + i)), "Europe/Berlin",
          recurring ? "FREQ=WEEKLY;BYDAY=MO,TH" : null, RepeatFrom.DUE, 60, false);
      Task task = Task.create(userId, draft, now);
      em.persist(task);
      em.flush();
      task.startSeriesIfRecurring();
      ids.add(task.id());
    }
    return ids;
  }

  /**
   * Deletes the rows of the warm-up users whose ids start with {@code prefix} (itself a warm-up
   * user id or the start of one): tasks (and so their search terms), events, idempotency keys.
   */
  public int purge(String prefix) {
    if (!isWarmupUser(prefix)) {
      throw new IllegalArgumentException("not a warm-up user: " + prefix);
    }
    return purge("user_id LIKE ?1 ESCAPE '\\'", like(prefix) + "%");
  }

  /** Deletes the rows of warm-ups older than {@code age}: left by servers that died warming up. */
  public int purgeOlderThan(Duration age) {
    return purge("user_id LIKE ?1 AND created_at < now() - make_interval(secs => " + age.toSeconds() + ")",
        USER_PREFIX + "%");
  }

  private int purge(String which, String parameter) {
    int tasks = em.createNativeQuery("DELETE FROM tasks WHERE " + which).setParameter(1, parameter).executeUpdate();
    em.createNativeQuery("DELETE FROM outbox_event WHERE " + which)
        .setParameter(1, parameter).executeUpdate();
    em.createNativeQuery("DELETE FROM idempotency_key WHERE " + which).setParameter(1, parameter).executeUpdate();
    return tasks;
  }

  /** Events of a warm-up user still waiting for the relay: must be none. */
  public long unpublishedEvents(String userId) {
    return ((Number) em.createNativeQuery("SELECT count(*) FROM outbox_event WHERE user_id = ?1"
            + " AND published_at IS NULL")
        .setParameter(1, userId).getSingleResult()).longValue();
  }

  private static String like(String literal) {
    return literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
