package dev.taskflow.recurrence;

import dev.taskflow.json.Jsons;
import dev.taskflow.persistence.DatabaseFailures;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@code taskflow.task.completed} from {@code task-recurrence} (consumer group
 * {@code recurring-task-service-group}) and creates the next occurrence. The message is
 * acknowledged (its offset committed) only after the successor's transaction committed. A
 * message that cannot be understood is logged and skipped; while the database is away the
 * message is retried with exponential backoff, so nothing is skipped for that reason.
 */
@ApplicationScoped
public class RecurrenceConsumer {

  private static final Logger LOG = Logger.getLogger(RecurrenceConsumer.class.getName());
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  static final String COMPLETED = "taskflow.task.completed";

  @Inject RecurrenceService recurrence;

  /** Retries wait here, not on the connector's thread: nothing sleeps, the next message simply waits. */
  @Resource ManagedScheduledExecutorService retries;

  @Incoming("task-recurrence")
  public CompletionStage<Void> onMessage(Message<String> message) {
    return handle(message.getPayload()).thenCompose(handled -> message.ack());
  }

  /** Completes once the event is handled or skipped; the offset is committed only after that. */
  CompletionStage<Void> handle(String payload) {
    CompletedEvent event;
    try {
      event = CompletedEvent.parse(payload);
    } catch (RuntimeException e) {
      LOG.warning(() -> "Skipping an unreadable message on task-recurrence: " + e.getMessage() + "; payload starts " + preview(payload));
      return CompletableFuture.completedFuture(null);
    }
    if (!COMPLETED.equals(event.type())) {
      return CompletableFuture.completedFuture(null); // other types may share the topic one day: not ours
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    attempt(event, FIRST_BACKOFF, done);
    return done;
  }

  private void attempt(CompletedEvent event, Duration backoff, CompletableFuture<Void> done) {
    try {
      RecurrenceService.Result result = recurrence.onCompleted(event.id(), event.taskId(), event.userId());
      log(event, result);
      done.complete(null);
    } catch (RuntimeException e) {
      if (!DatabaseFailures.isTransient(e)) {
        LOG.log(Level.WARNING, "Skipping event " + event.id() + " for task " + event.taskId() + ": it cannot be processed", e);
        done.complete(null);
        return;
      }
      LOG.warning("Database unavailable or busy while handling event " + event.id() + "; retrying in " + backoff.toMillis() + " ms");
      Duration next = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
      retries.schedule(() -> attempt(event, next, done), backoff.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static void log(CompletedEvent event, RecurrenceService.Result result) {
    if (result.outcome() == RecurrenceService.Outcome.SUCCESSOR_CREATED) {
      LOG.info(() -> "Task " + event.taskId() + " recurs: next occurrence is task " + result.successorId() + ", due " + result.successorDue());
    } else {
      LOG.fine(() -> "Event " + event.id() + " for task " + event.taskId() + ": " + result.outcome());
    }
  }

  private static String preview(String payload) {
    if (payload == null) {
      return "(null)";
    }
    String flat = payload.replaceAll("\\p{Cntrl}", "?");
    return flat.length() > 120 ? flat.substring(0, 120) + "..." : flat;
  }

  /** The fields of a completion event the consumer needs; anything else is ignored. */
  record CompletedEvent(UUID id, String type, long taskId, String userId) {
    static CompletedEvent parse(String payload) {
      JsonObject json;
      try (var reader = Jsons.createReader(new StringReader(payload))) {
        json = reader.readObject();
      }
      JsonObject data = json.getJsonObject("data");
      return new CompletedEvent(
          UUID.fromString(json.getString("id")),
          json.getString("type"),
          Long.parseLong(json.getString("subject")),
          data.getString("userId"));
    }
  }
}
