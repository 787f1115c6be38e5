package dev.taskflow.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the chaos load asked of the server and what it was told, write by write: the record the
 * audit holds the database and the event stream to. A write is <em>acknowledged</em> when the
 * server answered 2xx, <em>refused</em> when it answered anything else (it must not have happened),
 * and <em>unknown</em> when no answer came (timeout, connection refused or reset): it may or may
 * not have happened, and the audit accepts either.
 */
final class ChaosLedger {

  enum Op { CREATE, UPDATE, COMPLETE, DELETE }

  enum Outcome { ACKED, REFUSED, UNKNOWN }

  /** What a task is for: plain, with a reminder due during the run, or a daily series. */
  enum Kind { PLAIN, REMINDER, RECURRING }

  /** One write; {@code version} is the title version an update set (0 for the creation). */
  record Write(Op op, int version, Outcome outcome) {}

  /** A task whose creation was acknowledged, and every write made to it since, in order. */
  static final class Task {
    final long id;
    final String user;
    final String label;
    final Kind kind;
    final List<Write> writes = new CopyOnWriteArrayList<>();

    Task(long id, String user, String label, Kind kind) {
      this.id = id;
      this.user = user;
      this.label = label;
      this.kind = kind;
      writes.add(new Write(Op.CREATE, 0, Outcome.ACKED));
    }

    List<Write> writes(Op op) {
      return writes.stream().filter(w -> w.op() == op).toList();
    }
  }

  /** Titles carry the version, so an event or a row says which write it shows: "label v3". */
  static String title(String label, int version) {
    return label + " v" + version;
  }

  /** The version in a title this load wrote, or -1 for any other title. */
  static int version(String title) {
    int at = title == null ? -1 : title.lastIndexOf(" v");
    if (at < 0) {
      return -1;
    }
    try {
      return Integer.parseInt(title.substring(at + 2));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static String label(String title) {
    int at = title.lastIndexOf(" v");
    return at < 0 ? title : title.substring(0, at);
  }

  private final Map<Long, Task> tasks = new ConcurrentHashMap<>();
  /** Labels of creations that were refused or got no answer: they have no id to follow. */
  private final List<String> refusedCreates = new CopyOnWriteArrayList<>();
  private final List<String> unknownCreates = new CopyOnWriteArrayList<>();
  private final List<String> settledCreates = new CopyOnWriteArrayList<>();

  Task created(long id, String user, String label, Kind kind) {
    Task task = new Task(id, user, label, kind);
    tasks.put(id, task);
    return task;
  }

  void createFailed(String label, Outcome outcome) {
    (outcome == Outcome.UNKNOWN ? unknownCreates : refusedCreates).add(label);
  }

  /** A creation without an answer, repeated with its Idempotency-Key until it got one: no longer unknown. */
  void createSettled(String label) {
    unknownCreates.remove(label);
    settledCreates.add(label);
  }

  List<String> settledCreates() {
    return List.copyOf(settledCreates);
  }

  Collection<Task> tasks() {
    return new ArrayList<>(tasks.values());
  }

  List<String> refusedCreates() {
    return List.copyOf(refusedCreates);
  }

  List<String> unknownCreates() {
    return List.copyOf(unknownCreates);
  }
}
