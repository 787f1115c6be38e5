package dev.taskflow.api.reminder;

import dev.taskflow.api.identity.Caller;
import dev.taskflow.api.problem.Problem;
import dev.taskflow.api.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/v1/reminders/stream}: the caller's reminders as server-sent events, for clients
 * that cannot (or should not) read Kafka. Each event is {@code event: reminder}, {@code id:} its
 * position, {@code data:} the same CloudEvent as on {@code task-reminders}. Reconnect with
 * {@code Last-Event-ID} to get what was missed (kept as long as the outbox keeps events, 7 days).
 */
@Path("reminders")
public class ReminderStreamResource {

  @Inject ReminderStreams streams;

  @Context SecurityContext security;

  @GET
  @Path("stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(summary = "The caller's reminders as server-sent events, resumable with Last-Event-ID")
  public void stream(@Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId)
      throws Exception {
    String user = Caller.id(security);
    Long after = null;
    if (lastEventId != null && !lastEventId.isBlank()) {
      try {
        after = Long.parseLong(lastEventId.strip());
      } catch (NumberFormatException e) {
        after = -1L;
      }
      if (after < 0) {
        throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST,
            "Last-Event-ID must be the id of an event this stream sent (a non-negative number)"));
      }
    }
    streams.open(user, sink, sse, after);
  }
}
