package dev.taskflow.arq;

import static dev.taskflow.arq.InContainer.count;
import static dev.taskflow.arq.InContainer.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskflow.recurrence.RecurrenceService;
import dev.taskflow.recurrence.RecurrenceService.Outcome;
import dev.taskflow.task.Task;
import dev.taskflow.task.TaskService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the server: one completed occurrence gets exactly one successor, however many times and
 * however concurrently its completion is handled: the same event redelivered (at-least-once
 * Kafka), or another event for the same completion (a relay that published twice). The real
 * Kafka consumers of both servers race the test's own calls.
 */
@ExtendWith(ArquillianExtension.class)
class RecurrenceExactlyOnceArqIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return InContainer.ear(RecurrenceExactlyOnceArqIT.class);
  }

  @Inject TaskService tasks;
  @Inject RecurrenceService recurrence;

  @Test
  void aCompletionHandledTwelveTimesAtOnceMakesOneSuccessor() throws Exception {
    String user = InContainer.newUser("series");
    Task task = tasks.create(user, draft("Water the plants",
        LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC), "FREQ=DAILY", 60));
    tasks.complete(user, task.id());
    UUID completion = UUID.fromString(completedEventId(task.id()));

    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Outcome>> calls = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      UUID eventId = i < 8 ? completion : UUID.randomUUID(); // 8 redeliveries, 4 republications
      calls.add(() -> {
        start.await();
        return recurrence.onCompleted(eventId, task.id(), user).outcome();
      });
    }
    List<Future<Outcome>> running = new ArrayList<>();
    for (Callable<Outcome> call : calls) {
      running.add(InContainer.executor().submit(call));
    }
    start.countDown();
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> outcome : running) {
      outcomes.add(outcome.get(60, TimeUnit.SECONDS));
    }

    assertThat(outcomes).filteredOn(o -> o == Outcome.SUCCESSOR_CREATED).hasSizeLessThanOrEqualTo(1);
    assertThat(outcomes).allMatch(o -> o == Outcome.SUCCESSOR_CREATED || o == Outcome.DUPLICATE_EVENT
        || o == Outcome.ALREADY_SUCCEEDED);
    await().atMost(Duration.ofSeconds(30)).until(() -> successors(task.id()) >= 1);
    assertThat(successors(task.id())).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM tasks WHERE user_id = ? AND series_id = ? AND occurrence_index = 2", user,
        task.id())).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM tasks t JOIN tasks s ON s.id = t.successor_id WHERE t.id = ?"
        + " AND s.occurrence_index = 2", task.id())).isEqualTo(1);
  }

  private static long successors(long taskId) {
    return count("SELECT count(*) FROM tasks WHERE series_id = ? AND occurrence_index = 2", taskId);
  }

  private static String completedEventId(long taskId) {
    String id = InContainer.text("SELECT event_id::text FROM outbox_event WHERE event_key = ?"
        + " AND topic = 'task-recurrence' AND event_type = 'taskflow.task.completed'", String.valueOf(taskId));
    assertThat(id).as("the completion's event on task-recurrence").isNotNull();
    return id;
  }
}
