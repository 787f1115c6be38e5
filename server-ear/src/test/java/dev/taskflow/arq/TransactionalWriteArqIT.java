package dev.taskflow.arq;

import static dev.taskflow.arq.InContainer.count;
import static dev.taskflow.arq.InContainer.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskflow.task.Task;
import dev.taskflow.task.TaskNotFoundException;
import dev.taskflow.task.TaskService;
import jakarta.inject.Inject;
import jakarta.transaction.RollbackException;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the server: a task and its event are one write. Whatever rolls the transaction back takes
 * both with it; whatever commits keeps both. Never a task without its event, or an event without
 * its task (the outbox's whole promise).
 */
@ExtendWith(ArquillianExtension.class)
class TransactionalWriteArqIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return InContainer.ear(TransactionalWriteArqIT.class);
  }

  @Inject TaskService tasks;

  private static long tasksOf(String user) {
    return count("SELECT count(*) FROM tasks WHERE user_id = ?", user);
  }

  private static long eventsOf(String user) {
    return count("SELECT count(*) FROM outbox_event WHERE user_id = ?", user);
  }

  @Test
  void aCommittedCreateWritesTheTaskAndExactlyOneEvent() throws Exception {
    String user = InContainer.newUser("commit");
    UserTransaction tx = InContainer.transaction();
    tx.begin();
    Task task = tasks.create(user, draft("Committed", null, null, 60));
    tx.commit();

    assertThat(tasksOf(user)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM outbox_event WHERE user_id = ? AND event_key = ?"
        + " AND event_type = 'taskflow.task.created' AND topic = 'task-events'", user, String.valueOf(task.id())))
        .isEqualTo(1);
  }

  @Test
  void aRolledBackCreateLeavesNeitherTaskNorEvent() throws Exception {
    String user = InContainer.newUser("rollback");
    UserTransaction tx = InContainer.transaction();
    tx.begin();
    tasks.create(user, draft("Never happened", Instant.now().plusSeconds(3600), "FREQ=DAILY", 5));
    assertThat(tasksOf(user)).as("not visible outside the transaction").isZero();
    tx.rollback();

    assertThat(tasksOf(user)).isZero();
    assertThat(eventsOf(user)).isZero();
  }

  @Test
  void aFailingSecondWriteTakesTheFirstWithIt() throws Exception {
    String user = InContainer.newUser("partial");
    UserTransaction tx = InContainer.transaction();
    tx.begin();
    tasks.create(user, draft("First, fine", null, null, 60));
    // The database refuses a 201-character title (CHECK constraint): a system exception.
    assertThatThrownBy(() -> tasks.create(user, draft("x".repeat(201), null, null, 60)))
        .isInstanceOf(jakarta.ejb.EJBException.class);
    assertThatThrownBy(tx::commit).isInstanceOf(RollbackException.class);

    assertThat(tasksOf(user)).isZero();
    assertThat(eventsOf(user)).isZero();
  }

  @Test
  void touchingAnotherUsersTaskRollsBackTheWholeTransaction() throws Exception {
    String owner = InContainer.newUser("owner");
    String intruder = InContainer.newUser("intruder");
    UserTransaction tx = InContainer.transaction();
    tx.begin();
    Task owners = tasks.create(owner, draft("Owner's", null, null, 60));
    tx.commit();

    tx.begin();
    tasks.create(intruder, draft("Cover", null, null, 60));
    assertThatThrownBy(() -> tasks.complete(intruder, owners.id())).isInstanceOf(TaskNotFoundException.class);
    assertThatThrownBy(tx::commit).isInstanceOf(RollbackException.class);

    assertThat(tasksOf(intruder)).isZero();
    assertThat(eventsOf(intruder)).isZero();
    assertThat(tasks.find(owner, owners.id()).completed()).isFalse();
    assertThat(eventsOf(owner)).isEqualTo(1);
  }
}
