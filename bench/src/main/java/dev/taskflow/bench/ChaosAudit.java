package dev.taskflow.bench;

import dev.taskflow.bench.ChaosLedger.Kind;
import dev.taskflow.bench.ChaosLedger.Op;
import dev.taskflow.bench.ChaosLedger.Outcome;
import dev.taskflow.bench.ChaosLedger.Write;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Holds what the server acknowledged (the ledger) against what is in the database and what came
 * out of Kafka after the faults. Pure: it gets plain snapshots and answers a report, so its rules
 * are unit-tested on their own.
 */
final class ChaosAudit {

  static final String TASK_EVENTS = "task-events";
  static final String REMINDERS = "task-reminders";

  /** A task row of a chaos user, as the database holds it after the run. */
  record Row(long id, String title, boolean completed, boolean reminderSent, Instant remindAt, Long successorId,
      Long seriesId, int occurrenceIndex, Instant createdAt, Instant dueDate) {

    Row(long id, String title, boolean completed, boolean reminderSent, Instant remindAt, Long successorId,
        Long seriesId, int occurrenceIndex) {
      this(id, title, completed, reminderSent, remindAt, successorId, seriesId, occurrenceIndex, null, null);
    }

    /**
     * Whether the task existed while its reminder window was open, with a second to spare for the
     * claim: a creation repeated after a lost answer may succeed only after (or just before) the due
     * date its body names, and a task that is already overdue gets no reminder.
     */
    boolean createdInItsWindow() {
      return createdAt == null || dueDate == null || createdAt.isBefore(dueDate.minus(CLAIM_SLACK));
    }
  }

  /** How long before its due date a task must exist for its reminder to be owed (see {@link Row#createdInItsWindow}). */
  static final java.time.Duration CLAIM_SLACK = java.time.Duration.ofSeconds(1);

  /** One record consumed from Kafka (the CloudEvent's id, type and the task it carries). */
  record Delivered(String topic, int partition, long offset, String eventId, String type, long taskId, String title,
      Instant appended) {
    String shortType() {
      return type.substring(type.lastIndexOf('.') + 1);
    }
  }

  /** What the audit found. Violations are broken promises; the rest are counts for the summary. */
  static final class Report {
    final Map<Op, Integer> acknowledged = new LinkedHashMap<>();
    final Map<Op, Integer> found = new LinkedHashMap<>();
    int refused;
    int unknown;
    int unknownCreatesApplied;
    int eventsDelivered;
    int transportDuplicates;
    /** The later copy of each redelivered record: when the broker appended it says which fault caused it. */
    final List<Delivered> redeliveries = new ArrayList<>();
    int logicalDuplicates;
    int eventsMissing;
    int outOfOrder;
    int remindersExpected;
    int remindersDelivered;
    int successorsExpected;
    int successorsFound;
    final List<String> violations = new ArrayList<>();

    int acknowledgedTotal() {
      return acknowledged.values().stream().mapToInt(Integer::intValue).sum();
    }

    int foundTotal() {
      return found.values().stream().mapToInt(Integer::intValue).sum();
    }

    void violation(String text) {
      violations.add(text);
    }
  }

  private ChaosAudit() {}

  /**
   * @param rows every task row of the run's users, by id
   * @param events every record of the run's users, in the order each partition delivered them
   * @param reminderDeadline reminders due before this instant must have been sent
   */
  static Report audit(ChaosLedger ledger, Map<Long, Row> rows, List<Delivered> events, Instant reminderDeadline) {
    Report report = new Report();
    for (Op op : Op.values()) {
      report.acknowledged.put(op, 0);
      report.found.put(op, 0);
    }
    // At least once on the wire: the same CloudEvent id twice on one topic is a redelivery that
    // consumers drop (API.md); two ids for one change is a real duplicate.
    Map<String, Delivered> distinct = new LinkedHashMap<>();
    List<Delivered> ordered = new ArrayList<>(events);
    ordered.sort(Comparator.comparing(Delivered::topic).thenComparingInt(Delivered::partition)
        .thenComparingLong(Delivered::offset));
    for (Delivered event : ordered) {
      if (distinct.putIfAbsent(event.topic() + "/" + event.eventId(), event) != null) {
        report.transportDuplicates++;
        report.redeliveries.add(event);
      }
    }
    report.eventsDelivered = distinct.size();
    Map<Long, List<Delivered>> taskEvents = new HashMap<>();
    Map<Long, List<Delivered>> reminders = new HashMap<>();
    for (Delivered event : distinct.values()) {
      (event.topic().equals(REMINDERS) ? reminders : taskEvents).computeIfAbsent(event.taskId(), id -> new ArrayList<>())
          .add(event);
    }

    Set<Long> ledgerIds = new HashSet<>();
    for (ChaosLedger.Task task : ledger.tasks()) {
      ledgerIds.add(task.id);
      Row row = rows.get(task.id);
      List<Delivered> history = taskEvents.getOrDefault(task.id, List.of());
      checkWrites(report, task, row, history);
      checkHistory(report, task, history);
      checkReminder(report, task, row, reminders.getOrDefault(task.id, List.of()), reminderDeadline);
      checkSuccessor(report, task, row, rows);
    }

    // Creations without an answer may or may not have happened; refused ones must not have.
    Map<String, Row> byLabel = rows.values().stream()
        .collect(Collectors.toMap(r -> ChaosLedger.label(r.title()), r -> r, (a, b) -> a));
    for (String label : ledger.refusedCreates()) {
      if (byLabel.containsKey(label)) {
        report.violation("a refused creation happened anyway: " + label);
      }
    }
    report.unknownCreatesApplied = (int) ledger.unknownCreates().stream().filter(byLabel::containsKey).count();
    // Each creation made one task, however often it was repeated (successors share the title: not counted).
    rows.values().stream().filter(r -> r.occurrenceIndex() == 1)
        .collect(Collectors.groupingBy(r -> ChaosLedger.label(r.title()))).forEach((label, same) -> {
          if (same.size() > 1) {
            report.logicalDuplicates += same.size() - 1;
            report.violation("'" + label + "' was created " + same.size() + " times: tasks "
                + same.stream().map(Row::id).toList());
          }
        });

    // Successors: one per completed occurrence, each announced once.
    Map<String, List<Row>> occurrences = rows.values().stream().filter(r -> r.seriesId() != null)
        .collect(Collectors.groupingBy(r -> r.seriesId() + "#" + r.occurrenceIndex()));
    occurrences.forEach((key, same) -> {
      if (same.size() > 1) {
        report.logicalDuplicates += same.size() - 1;
        report.violation("occurrence " + key + " of a series exists " + same.size() + " times: tasks "
            + same.stream().map(Row::id).toList());
      }
    });
    for (Row row : rows.values()) {
      if (!ledgerIds.contains(row.id()) && row.occurrenceIndex() > 1) {
        long created = taskEvents.getOrDefault(row.id(), List.of()).stream()
            .filter(e -> e.shortType().equals("created")).count();
        if (created != 1) {
          report.violation("successor " + row.id() + " was announced " + created + " times");
          if (created > 1) {
            report.logicalDuplicates += (int) created - 1;
          } else {
            report.eventsMissing++;
          }
        }
      }
    }
    return report;
  }

  private static void checkWrites(Report report, ChaosLedger.Task task, Row row, List<Delivered> history) {
    boolean deleteTried = task.writes.stream().anyMatch(w -> w.op() == Op.DELETE && w.outcome() != Outcome.REFUSED);
    int lastAcked = finalLastAcked(task);
    // The title the row may show: the last acknowledged update, or a later one that got no answer.
    Set<Integer> possible = new HashSet<>(Set.of(lastAcked));
    for (Write write : task.writes) {
      switch (write.outcome()) {
        case REFUSED -> report.refused++;
        case UNKNOWN -> report.unknown++;
        case ACKED -> report.acknowledged.merge(write.op(), 1, Integer::sum);
      }
      if (write.op() == Op.UPDATE && write.outcome() == Outcome.UNKNOWN && write.version() > lastAcked) {
        possible.add(write.version());
      }
    }
    for (Write write : task.writes) {
      boolean happened = switch (write.op()) {
        case CREATE -> row != null || deleteTried;
        case UPDATE -> hasEvent(history, "updated", task.label, write.version())
            || row != null && ChaosLedger.version(row.title()) == write.version();
        case COMPLETE -> row != null ? row.completed() : hasEvent(history, "completed", null, -1);
        case DELETE -> row == null;
      };
      if (write.outcome() == Outcome.ACKED) {
        if (happened) {
          report.found.merge(write.op(), 1, Integer::sum);
        } else {
          report.violation("acknowledged " + write.op() + (write.op() == Op.UPDATE ? " v" + write.version() : "")
              + " of task " + task.id + " is not there");
        }
      } else if (write.outcome() == Outcome.REFUSED && happened) {
        report.violation("refused " + write.op() + (write.op() == Op.UPDATE ? " v" + write.version() : "")
            + " of task " + task.id + " happened anyway");
      }
    }
    if (row != null) {
      int shown = ChaosLedger.version(row.title());
      if (!possible.contains(shown)) {
        report.violation("task " + task.id + " shows v" + shown + " but the last acknowledged update was v" + lastAcked);
      }
    }
  }

  private static int finalLastAcked(ChaosLedger.Task task) {
    return task.writes.stream().filter(w -> w.op() == Op.UPDATE && w.outcome() == Outcome.ACKED)
        .mapToInt(Write::version).max().orElse(0);
  }

  private static boolean hasEvent(List<Delivered> history, String type, String label, int version) {
    return history.stream().anyMatch(e -> e.shortType().equals(type)
        && (label == null || e.title() != null && e.title().equals(ChaosLedger.title(label, version))));
  }

  /** Every acknowledged write announced once, in the order the writes happened. */
  private static void checkHistory(Report report, ChaosLedger.Task task, List<Delivered> history) {
    Map<String, Integer> seen = new HashMap<>();
    int lastVersion = -1;
    boolean gone = false;
    for (Delivered event : history) {
      String type = event.shortType();
      String what = type.equals("updated") ? "updated v" + ChaosLedger.version(event.title()) : type;
      if (seen.merge(what, 1, Integer::sum) > 1) {
        report.logicalDuplicates++;
        report.violation("task " + task.id + ": '" + what + "' announced twice (two event ids)");
      }
      int version = ChaosLedger.version(event.title());
      if (gone || type.equals("created") && lastVersion >= 0 || type.equals("updated") && version <= lastVersion) {
        report.outOfOrder++;
        report.violation("task " + task.id + ": '" + what + "' out of order in its partition");
      }
      lastVersion = Math.max(lastVersion, version);
      gone |= type.equals("deleted");
    }
    for (Write write : task.writes) {
      String what = switch (write.op()) {
        case CREATE -> "created";
        case UPDATE -> "updated v" + write.version();
        case COMPLETE -> "completed";
        case DELETE -> "deleted";
      };
      if (write.outcome() == Outcome.ACKED && !seen.containsKey(what)) {
        report.eventsMissing++;
        report.violation("task " + task.id + ": no event for the acknowledged '" + what + "'");
      }
      if (write.outcome() == Outcome.REFUSED && write.op() == Op.UPDATE && seen.containsKey(what)) {
        report.violation("task " + task.id + ": the refused '" + what + "' was announced");
      }
    }
  }

  /** A reminder due before the deadline on an open task was sent, exactly once. */
  private static void checkReminder(Report report, ChaosLedger.Task task, Row row, List<Delivered> sent,
      Instant deadline) {
    if (sent.size() > 1) {
      report.logicalDuplicates += sent.size() - 1;
      report.violation("task " + task.id + ": reminder sent " + sent.size() + " times");
    }
    if (task.kind != Kind.REMINDER || row == null || row.completed() || row.remindAt() == null
        || !row.remindAt().isBefore(deadline) || !row.createdInItsWindow()) {
      return;
    }
    report.remindersExpected++;
    if (row.reminderSent() && sent.size() == 1) {
      report.remindersDelivered++;
    } else {
      report.violation("task " + task.id + ": reminder due " + row.remindAt() + " " + (row.reminderSent()
          ? "marked sent but " + sent.size() + " delivered" : "never sent"));
    }
  }

  /** A completed occurrence of a series has exactly one successor, the next occurrence. */
  private static void checkSuccessor(Report report, ChaosLedger.Task task, Row row, Map<Long, Row> rows) {
    boolean completed = task.writes.stream().anyMatch(w -> w.op() == Op.COMPLETE && w.outcome() == Outcome.ACKED);
    if (task.kind != Kind.RECURRING || !completed || row == null) {
      return;
    }
    report.successorsExpected++;
    Row next = row.successorId() == null ? null : rows.get(row.successorId());
    long series = row.seriesId() == null ? row.id() : row.seriesId();
    if (next == null || next.seriesId() == null || next.seriesId() != series
        || next.occurrenceIndex() != row.occurrenceIndex() + 1) {
      report.violation("completed recurring task " + task.id + " has no successor" + (row.successorId() == null ? ""
          : " (successor_id " + row.successorId() + " is not its next occurrence)"));
    } else {
      report.successorsFound++;
    }
  }
}
