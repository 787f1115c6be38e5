package dev.taskflow.api.stream;

import dev.taskflow.api.identity.Caller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * The caller's live streams, server-sent events resumable with {@code Last-Event-ID} for as long as
 * the outbox keeps events (7 days); {@code id:} is the event's position and {@code data:} the same
 * CloudEvent as on Kafka (docs/EVENTS.md).
 *
 * <ul>
 *   <li>{@code GET /api/v1/events/stream}: task changes and reminders, the live source for clients
 *       (the desktop's default); each event is named after its CloudEvents type ({@code
 *       taskflow.task.created}, {@code .updated}, {@code .completed}, {@code .deleted}, {@code
 *       taskflow.reminder.sent}).
 *   <li>{@code GET /api/v1/reminders/stream}: reminders only, each named {@code reminder}.
 * </ul>
 */
@Path("")
public class LiveStreamResource {

  @Inject LiveStreams streams;

  @Context SecurityContext security;

  @GET
  @Path("events/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void events(@Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId)
      throws Exception {
    open(LiveStreams.Kind.EVENTS, sink, sse, lastEventId);
  }

  @GET
  @Path("reminders/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void reminders(@Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId)
      throws Exception {
    open(LiveStreams.Kind.REMINDERS, sink, sse, lastEventId);
  }

  private void open(LiveStreams.Kind kind, SseEventSink sink, Sse sse, String lastEventId) throws Exception {
    streams.open(kind, Caller.id(security), sink, sse, LastEventId.parse(lastEventId));
  }
}
