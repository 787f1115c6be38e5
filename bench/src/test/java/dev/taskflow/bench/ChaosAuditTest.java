package dev.taskflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taskflow.bench.ChaosAudit.Delivered;
import dev.taskflow.bench.ChaosAudit.Row;
import dev.taskflow.bench.ChaosLedger.Kind;
import dev.taskflow.bench.ChaosLedger.Op;
import dev.taskflow.bench.ChaosLedger.Outcome;
import dev.taskflow.bench.ChaosLedger.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chaos audit's rules, on hand-made ledgers, rows and event streams. */
class ChaosAuditTest {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  private final ChaosLedger ledger = new ChaosLedger();
  private final Map<Long, Row> rows = new HashMap<>();
  private final List<Delivered> events = new ArrayList<>();
  private long offset;

  private ChaosLedger.Task task(long id, Kind kind) {
    return ledger.created(id, "chaos-x-user0", "chaos-x #" + id, kind);
  }

  private void row(long id, int version, boolean completed) {
    rows.put(id, new Row(id, "chaos-x #" + id + " v" + version, completed, false, null, null, null, 1));
  }

  private void event(String type, long taskId, int version) {
    event(ChaosAudit.TASK_EVENTS, "id-" + offset, type, taskId, version);
  }

  private void event(String topic, String id, String type, long taskId, int version) {
    events.add(new Delivered(topic, (int) (taskId % 3), offset++, id, "taskflow.task." + type, taskId,
        "chaos-x #" + taskId + " v" + version, NOW.minusSeconds(100 - offset)));
  }

  private ChaosAudit.Report audit() {
    return ChaosAudit.audit(ledger, rows, events, NOW);
  }

  @Test
  void aCleanRunHasNoViolationsAndCountsEveryWrite() {
    ChaosLedger.Task task = task(1, Kind.PLAIN);
    task.writes.add(new Write(Op.UPDATE, 1, Outcome.ACKED));
    task.writes.add(new Write(Op.UPDATE, 2, Outcome.ACKED));
    row(1, 2, false);
    event("created", 1, 0);
    event("updated", 1, 1);
    event("updated", 1, 2);

    ChaosAudit.Report report = audit();

    assertThat(report.violations).isEmpty();
    assertThat(report.acknowledgedTotal()).isEqualTo(3);
    assertThat(report.foundTotal()).isEqualTo(3);
    assertThat(report.eventsDelivered).isEqualTo(3);
  }

  @Test
  void anAcknowledgedUpdateThatVanishedIsAViolation() {
    ChaosLedger.Task task = task(1, Kind.PLAIN);
    task.writes.add(new Write(Op.UPDATE, 1, Outcome.ACKED));
    row(1, 0, false);
    event("created", 1, 0);

    ChaosAudit.Report report = audit();

    assertThat(report.violations).anyMatch(v -> v.contains("acknowledged UPDATE v1 of task 1 is not there"));
    assertThat(report.eventsMissing).isEqualTo(1);
    assertThat(report.foundTotal()).isEqualTo(1);
  }

  @Test
  void anUnansweredUpdateMayOrMayNotHaveHappened() {
    ChaosLedger.Task task = task(1, Kind.PLAIN);
    task.writes.add(new Write(Op.UPDATE, 1, Outcome.ACKED));
    task.writes.add(new Write(Op.UPDATE, 2, Outcome.UNKNOWN));
    row(1, 2, false);
    event("created", 1, 0);
    event("updated", 1, 1);
    event("updated", 1, 2);
    assertThat(audit().violations).isEmpty();

    rows.clear();
    events.remove(2);
    row(1, 1, false);
    assertThat(audit().violations).isEmpty();
  }

  @Test
  void aRefusedUpdateThatTookEffectIsAViolation() {
    ChaosLedger.Task task = task(1, Kind.PLAIN);
    task.writes.add(new Write(Op.UPDATE, 1, Outcome.REFUSED));
    row(1, 1, false);
    event("created", 1, 0);

    assertThat(audit().violations).anyMatch(v -> v.contains("refused UPDATE v1 of task 1 happened anyway"));
  }

  @Test
  void theSameEventIdTwiceIsARedeliveryButTwoIdsForOneChangeIsADuplicate() {
    ChaosLedger.Task task = task(1, Kind.PLAIN);
    task.writes.add(new Write(Op.UPDATE, 1, Outcome.ACKED));
    row(1, 1, false);
    event(ChaosAudit.TASK_EVENTS, "a", "created", 1, 0);
    event(ChaosAudit.TASK_EVENTS, "b", "updated", 1, 1);
    event(ChaosAudit.TASK_EVENTS, "b", "updated", 1, 1);

    ChaosAudit.Report redelivered = audit();
    assertThat(redelivered.transportDuplicates).isEqualTo(1);
    assertThat(redelivered.redeliveries).extracting(Delivered::offset).containsExactly(2L);
    assertThat(redelivered.logicalDuplicates).isZero();
    assertThat(redelivered.violations).isEmpty();

    event(ChaosAudit.TASK_EVENTS, "c", "updated", 1, 1);
    ChaosAudit.Report duplicated = audit();
    assertThat(duplicated.logicalDuplicates).isEqualTo(1);
    assertThat(duplicated.violations).anyMatch(v -> v.contains("announced twice"));
  }

  @Test
  void updatesOutOfOrderInTheirPartitionAreCaught() {
    ChaosLedger.Task task = task(1, Kind.PLAIN);
    task.writes.add(new Write(Op.UPDATE, 1, Outcome.ACKED));
    task.writes.add(new Write(Op.UPDATE, 2, Outcome.ACKED));
    row(1, 2, false);
    event("created", 1, 0);
    event("updated", 1, 2);
    event("updated", 1, 1);

    ChaosAudit.Report report = audit();

    assertThat(report.outOfOrder).isEqualTo(1);
    assertThat(report.violations).anyMatch(v -> v.contains("out of order"));
  }

  @Test
  void anAcknowledgedDeletionLeavesNoRowAndAnEvent() {
    ChaosLedger.Task task = task(1, Kind.PLAIN);
    task.writes.add(new Write(Op.DELETE, 0, Outcome.ACKED));
    event("created", 1, 0);
    event("deleted", 1, 0);
    assertThat(audit().violations).isEmpty();

    row(1, 0, false);
    assertThat(audit().violations).anyMatch(v -> v.contains("acknowledged DELETE of task 1 is not there"));
  }

  @Test
  void aReminderDueMustBeSentExactlyOnce() {
    task(1, Kind.REMINDER);
    rows.put(1L, new Row(1, "chaos-x #1 v0", false, true, NOW.minusSeconds(60), null, null, 1));
    event("created", 1, 0);
    event(ChaosAudit.REMINDERS, "r1", "reminder.sent", 1, 0);
    ChaosAudit.Report once = audit();
    assertThat(once.violations).isEmpty();
    assertThat(once.remindersDelivered).isEqualTo(1);

    event(ChaosAudit.REMINDERS, "r2", "reminder.sent", 1, 0);
    assertThat(audit().violations).anyMatch(v -> v.contains("reminder sent 2 times"));

    events.removeIf(e -> e.topic().equals(ChaosAudit.REMINDERS));
    rows.put(1L, new Row(1, "chaos-x #1 v0", false, false, NOW.minusSeconds(60), null, null, 1));
    assertThat(audit().violations).anyMatch(v -> v.contains("never sent"));
  }

  /**
   * A creation repeated after a lost answer may succeed only after the due date its body names, or
   * a moment before it: that task is overdue and owes no reminder. One created in time still does.
   */
  @Test
  void aTaskThatCameToExistAfterItsWindowClosedOwesNoReminder() {
    task(1, Kind.REMINDER);
    Instant due = NOW.minusSeconds(30);
    rows.put(1L, new Row(1, "chaos-x #1 v0", false, false, due.minusSeconds(60), null, null, 1, due.plusSeconds(5), due));
    event("created", 1, 0);
    assertThat(audit().violations).isEmpty();
    rows.put(1L, new Row(1, "chaos-x #1 v0", false, false, due.minusSeconds(60), null, null, 1,
        due.minusMillis(100), due));
    assertThat(audit().violations).as("100 ms before its due time").isEmpty();
    rows.put(1L, new Row(1, "chaos-x #1 v0", false, false, due.minusSeconds(60), null, null, 1,
        due.minusSeconds(20), due));
    assertThat(audit().violations).as("20 s inside its window").anyMatch(v -> v.contains("never sent"));
  }

  @Test
  void aCompletedOccurrenceHasExactlyOneSuccessor() {
    ChaosLedger.Task task = task(1, Kind.RECURRING);
    task.writes.add(new Write(Op.COMPLETE, 0, Outcome.ACKED));
    rows.put(1L, new Row(1, "chaos-x #1 v0", true, false, null, 2L, 1L, 1));
    rows.put(2L, new Row(2, "chaos-x #1 v0", false, false, null, null, 1L, 2));
    event("created", 1, 0);
    event("completed", 1, 0);
    event("created", 2, 0);
    ChaosAudit.Report report = audit();
    assertThat(report.violations).isEmpty();
    assertThat(report.successorsFound).isEqualTo(1);

    rows.put(3L, new Row(3, "chaos-x #1 v0", false, false, null, null, 1L, 2));
    event("created", 3, 0);
    assertThat(audit().violations).anyMatch(v -> v.contains("exists 2 times"));
  }

  @Test
  void aRefusedCreationMustNotExistButAnUnansweredOneMay() {
    ledger.createFailed("chaos-x #7", Outcome.UNKNOWN);
    ledger.createFailed("chaos-x #8", Outcome.REFUSED);
    rows.put(7L, new Row(7, "chaos-x #7 v0", false, false, null, null, null, 1));
    ChaosAudit.Report report = audit();
    assertThat(report.violations).isEmpty();
    assertThat(report.unknownCreatesApplied).isEqualTo(1);

    rows.put(8L, new Row(8, "chaos-x #8 v0", false, false, null, null, null, 1));
    assertThat(audit().violations).anyMatch(v -> v.contains("refused creation happened anyway"));
  }

  @Test
  void aCreationThatMadeTwoTasksIsADuplicate() {
    task(1, Kind.PLAIN);
    row(1, 0, false);
    rows.put(2L, new Row(2, "chaos-x #1 v0", false, false, null, null, null, 1));
    event("created", 1, 0);

    ChaosAudit.Report report = audit();

    assertThat(report.logicalDuplicates).isEqualTo(1);
    assertThat(report.violations).anyMatch(v -> v.contains("'chaos-x #1' was created 2 times"));
  }
}
