package dev.taskflow.arq;

import static dev.taskflow.arq.InContainer.count;
import static dev.taskflow.arq.InContainer.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.taskflow.reminder.Reminder;
import dev.taskflow.reminder.ReminderService;
import dev.taskflow.task.TaskService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the server: a due reminder is claimed once, whoever claims. Six concurrent claimers here
 * race each other and the reminder timers of both servers; every reminder ends with exactly one
 * event.
 */
@ExtendWith(ArquillianExtension.class)
class ReminderClaimArqIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return InContainer.ear(ReminderClaimArqIT.class);
  }

  @Inject TaskService tasks;
  @Inject ReminderService reminders;

  @Test
  void concurrentClaimersSendEachReminderExactlyOnce() throws Exception {
    String user = InContainer.newUser("reminded");
    Instant due = Instant.now().plus(Duration.ofMinutes(30)); // reminded 60 minutes ahead: due at once
    List<Long> ids = new ArrayList<>();
    UserTransaction tx = InContainer.transaction();
    tx.begin();
    for (int i = 0; i < 40; i++) {
      ids.add(tasks.create(user, draft("Reminder " + i, due, null, 60)).id());
    }
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Reminder>>> claimers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      claimers.add(InContainer.executor().submit(() -> {
        start.await();
        return reminders.claimDue(7);
      }));
    }
    tx.commit(); // the tasks become visible to every claimer at once
    start.countDown();

    Set<Long> claimedHere = new HashSet<>();
    for (Future<List<Reminder>> claimer : claimers) {
      for (Reminder reminder : claimer.get(60, TimeUnit.SECONDS)) {
        assertThat(claimedHere.add(reminder.taskId())).as("claimed twice: task " + reminder.taskId()).isTrue();
      }
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> count(
        "SELECT count(*) FROM tasks WHERE user_id = ? AND reminder_sent", user) == ids.size());
    for (long id : ids) {
      assertThat(count("SELECT count(*) FROM outbox_event WHERE event_key = ? AND event_type = 'taskflow.reminder.sent'",
          String.valueOf(id))).as("reminder events of task " + id).isEqualTo(1);
    }
  }
}
