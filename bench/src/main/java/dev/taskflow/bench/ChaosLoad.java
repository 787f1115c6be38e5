package dev.taskflow.bench;

import dev.taskflow.bench.ChaosLedger.Kind;
import dev.taskflow.bench.ChaosLedger.Op;
import dev.taskflow.bench.ChaosLedger.Outcome;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load that runs through every fault: an open loop of writes (create, update, complete,
 * delete) and reads at fixed rates over many users. Writes to one task are never in flight
 * together, so the order of a task's events is the order of its writes; a task whose write got no
 * answer is not written again (its fate is unknown until the audit).
 */
final class ChaosLoad {

  /** One request: the phase it was due in, when, how long it took from then, and its answer (-1: none). */
  record Sample(String phase, boolean write, long dueNanos, long latencyMicros, int status, boolean problemJson) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  /**
   * How often a creation without an answer is repeated, 2 s apart: for up to 3 minutes, longer
   * than a restart takes (its warm-up included), so each such creation ends with an answer.
   */
  private static final int MAX_REPEATS = 90;

  /** A creation, and how often it was repeated after a lost answer. */
  private record PendingCreate(String user, String label, Kind kind, String body, String key, long retryAt, int tries) {}

  private final Server server;
  private final ChaosLedger ledger;
  private final List<String> users;
  private final String runId;
  private final double writeRate;
  private final double readRate;
  private final Random random = new Random(20261127L);
  private final Queue<ChaosLedger.Task> idle = new ConcurrentLinkedQueue<>();
  private final Queue<Sample> samples = new ConcurrentLinkedQueue<>();
  private final AtomicInteger labels = new AtomicInteger();
  private final AtomicLong inFlight = new AtomicLong();
  private final AtomicLong shed = new AtomicLong();
  private final java.util.Map<String, AtomicInteger> unanswered = new java.util.concurrent.ConcurrentHashMap<>();
  /** Creations that got no answer, repeated with the same Idempotency-Key until they get one. */
  private final Queue<PendingCreate> toRepeat = new ConcurrentLinkedQueue<>();
  private final AtomicInteger repeats = new AtomicInteger();
  private volatile String phase = "steady";
  private volatile boolean running = true;
  private Thread thread;

  ChaosLoad(Server server, ChaosLedger ledger, String runId, List<String> users, double writeRate, double readRate) {
    this.server = server;
    this.ledger = ledger;
    this.runId = runId;
    this.users = users;
    this.writeRate = writeRate;
    this.readRate = readRate;
  }

  void phase(String phase) {
    this.phase = phase;
  }

  String phase() {
    return phase;
  }

  List<Sample> samples() {
    return List.copyOf(samples);
  }

  long shed() {
    return shed.get();
  }

  /** Why requests got no answer, by phase: "phase: ExceptionClass: message" and how often. */
  java.util.Map<String, Integer> unansweredReasons() {
    java.util.Map<String, Integer> reasons = new java.util.TreeMap<>();
    unanswered.forEach((reason, count) -> reasons.put(reason, count.get()));
    return reasons;
  }

  /** The phases in which a service is away on purpose. */
  static boolean isOutage(String phase) {
    return phase.endsWith("-down") || phase.endsWith("-stopping") || phase.endsWith("-starting");
  }

  private void noAnswer(String phase, String request, Throwable failure) {
    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    String message = String.valueOf(cause.getMessage());
    // Outside the outages, name the request too: a connection closed there is worth a closer look.
    String what = isOutage(phase) ? ""
        : " (" + request + " at " + java.time.LocalTime.now().format(java.time.format.DateTimeFormatter.ISO_LOCAL_TIME) + ")";
    String reason = phase + ": " + cause.getClass().getSimpleName() + ": "
        + (message.length() > 80 ? message.substring(0, 80) : message) + what;
    unanswered.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet();
  }

  void start() {
    thread = new Thread(this::loop, "chaos-load");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops issuing requests and waits (at most 15 s) for those in flight. */
  void stop() throws InterruptedException {
    running = false;
    thread.join();
    long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < until) {
      LockSupport.parkNanos(20_000_000);
    }
  }

  private void loop() {
    double rate = writeRate + readRate;
    double interval = 1e9 / rate;
    long start = System.nanoTime();
    for (long i = 0; running; i++) {
      long due = start + (long) (i * interval);
      long left;
      while ((left = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(Math.min(left, 5_000_000));
      }
      if (inFlight.get() >= 500) { // hopelessly behind: do not pile up more
        shed.incrementAndGet();
        continue;
      }
      boolean write = random.nextDouble() * rate < writeRate;
      try {
        if (write) {
          write(due);
        } else {
          read(due);
        }
      } catch (RuntimeException e) {
        samples.add(new Sample(phase, write, due, 0, -1, false));
        noAnswer(phase, write ? "write" : "read", e);
      }
    }
  }

  private void read(long due) {
    String user = users.get(random.nextInt(users.size()));
    String path = random.nextBoolean() ? "/api/v1/tasks?status=all&limit=20" : "/api/v1/tasks/search?q=chaos&limit=10";
    send(due, false, user, "GET", path, null).whenComplete((response, failure) -> { });
  }

  private void write(long due) {
    double r = random.nextDouble();
    if (r < 0.30 || idle.size() < 20) {
      create(due);
      return;
    }
    ChaosLedger.Task task = take(r < 0.75 ? null : r < 0.90 ? Op.COMPLETE : Op.DELETE);
    if (task == null) {
      create(due);
    } else if (r < 0.75) {
      update(due, task);
    } else if (r < 0.90) {
      finish(due, task, Op.COMPLETE, "POST", "/api/v1/tasks/" + task.id + "/complete");
    } else {
      finish(due, task, Op.DELETE, "DELETE", "/api/v1/tasks/" + task.id);
    }
  }

  /** An idle task fit for {@code op}: recurring ones are completed, never deleted; reminders are left alone. */
  private ChaosLedger.Task take(Op op) {
    for (int tries = idle.size(); tries > 0; tries--) {
      ChaosLedger.Task task = idle.poll();
      if (task == null) {
        return null;
      }
      boolean fits = op == null || op == Op.COMPLETE && task.kind != Kind.REMINDER
          || op == Op.DELETE && task.kind == Kind.PLAIN;
      if (fits) {
        return task;
      }
      idle.add(task);
    }
    return null;
  }

  /** How many creations were repeated with their key after a lost answer. */
  int repeats() {
    return repeats.get();
  }

  private void create(long due) {
    PendingCreate pending = toRepeat.peek();
    if (pending != null && pending.retryAt() - System.nanoTime() <= 0 && toRepeat.remove(pending)) {
      repeats.incrementAndGet();
      send(due, pending);
      return;
    }
    String user = users.get(random.nextInt(users.size()));
    String label = runId + " #" + labels.incrementAndGet();
    double r = random.nextDouble();
    Kind kind = r < 0.4 ? Kind.PLAIN : r < 0.7 ? Kind.REMINDER : Kind.RECURRING;
    JsonObject body = switch (kind) {
      case PLAIN -> Json.createObjectBuilder().add("title", ChaosLedger.title(label, 0)).add("tags",
          Json.createArrayBuilder().add("chaos")).build();
      // Due in 75..100 s with a 1-minute lead: its reminder falls 15..40 s from now, often inside a fault.
      case REMINDER -> Json.createObjectBuilder().add("title", ChaosLedger.title(label, 0))
          .add("dueDate", Instant.now().plusSeconds(75 + random.nextInt(26)).toString())
          .add("remindBeforeMinutes", 1).build();
      case RECURRING -> Json.createObjectBuilder().add("title", ChaosLedger.title(label, 0))
          .add("dueDate", LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC).toString())
          .add("recurrenceRule", "FREQ=DAILY").build();
    };
    send(due, new PendingCreate(user, label, kind, body.toString(), java.util.UUID.randomUUID().toString(), 0, 0));
  }

  private void send(long due, PendingCreate create) {
    send(due, true, create.user(), "POST", "/api/v1/tasks", create.body(), create.key()).whenComplete((response, failure) -> {
      Outcome outcome = outcome(response, failure);
      boolean again = outcome == Outcome.UNKNOWN || create.tries() > 0 && response != null && response.statusCode() == 503;
      if (outcome == Outcome.ACKED) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
          idle.add(ledger.created(reader.readObject().getJsonNumber("id").longValue(), create.user(), create.label(),
              create.kind()));
        }
        if (create.tries() > 0) {
          ledger.createSettled(create.label());
        }
      } else if (again && create.tries() < MAX_REPEATS) {
        if (create.tries() == 0) {
          ledger.createFailed(create.label(), Outcome.UNKNOWN);
        }
        toRepeat.add(new PendingCreate(create.user(), create.label(), create.kind(), create.body(), create.key(),
            System.nanoTime() + Duration.ofSeconds(2).toNanos(), create.tries() + 1));
      } else if (create.tries() == 0) {
        ledger.createFailed(create.label(), outcome);
      }
    });
  }

  private void update(long due, ChaosLedger.Task task) {
    int version = task.writes(Op.UPDATE).size() + 1;
    String body = Json.createObjectBuilder().add("title", ChaosLedger.title(task.label, version))
        .add("priority", version % 2 == 0 ? "high" : "low").build().toString();
    send(due, true, task.user, "PATCH", "/api/v1/tasks/" + task.id, body).whenComplete((response, failure) -> {
      Outcome outcome = outcome(response, failure);
      task.writes.add(new ChaosLedger.Write(Op.UPDATE, version, outcome));
      if (outcome != Outcome.UNKNOWN) {
        idle.add(task);
      }
    });
  }

  /** Completion or deletion: the task's last write either way. */
  private void finish(long due, ChaosLedger.Task task, Op op, String method, String path) {
    send(due, true, task.user, method, path, null).whenComplete((response, failure) ->
        task.writes.add(new ChaosLedger.Write(op, 0, outcome(response, failure))));
  }

  private static Outcome outcome(HttpResponse<String> response, Throwable failure) {
    if (failure != null || response == null) {
      return Outcome.UNKNOWN;
    }
    if (response.statusCode() / 100 == 2) {
      return Outcome.ACKED;
    }
    // The server's own "outcome unknown": the database went away during the commit.
    return response.body() != null && response.body().contains("urn:taskflow:problem:outcome-unknown")
        ? Outcome.UNKNOWN : Outcome.REFUSED;
  }

  private CompletableFuture<HttpResponse<String>> send(long due, boolean write, String user, String method,
      String path, String json) {
    return send(due, write, user, method, path, json, null);
  }

  private CompletableFuture<HttpResponse<String>> send(long due, boolean write, String user, String method,
      String path, String json, String idempotencyKey) {
    String phaseAtDue = phase;
    inFlight.incrementAndGet();
    return server.send(user, method, path, json, TIMEOUT, idempotencyKey).whenComplete((response, failure) -> {
      inFlight.decrementAndGet();
      // A request still in flight when a fault struck (Liberty killed under it, PostgreSQL stopping)
      // failed because of that fault: it belongs to the fault's phase, not to the one it was due in.
      String phaseAtEnd = phase;
      boolean failed = response == null || response.statusCode() / 100 != 2;
      String counted = failed && isOutage(phaseAtEnd) ? phaseAtEnd : phaseAtDue;
      if (failure != null) {
        noAnswer(counted, method + " " + path.replaceAll("/[0-9]+", "/{id}"), failure);
      }
      long latency = Math.max(0, System.nanoTime() - due) / 1000;
      boolean problem = response != null
          && response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
      samples.add(new Sample(counted, write, due, latency, response == null ? -1 : response.statusCode(), problem));
    });
  }
}
