package dev.taskflow.api.stream;

import dev.taskflow.api.problem.Problem;
import dev.taskflow.api.problem.ProblemException;
import jakarta.ws.rs.core.Response;

/** The {@code Last-Event-ID} a reconnecting stream sends: an outbox position this server sent. */
final class LastEventId {

  private LastEventId() {}

  /** The position, null when absent; 400 problem+json when it is not a non-negative number. */
  static Long parse(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    long after;
    try {
      after = Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      after = -1L;
    }
    if (after < 0) {
      throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST,
          "Last-Event-ID must be the id of an event this stream sent (a non-negative number)"));
    }
    return after;
  }
}
