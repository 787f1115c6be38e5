package dev.taskflow.api.problem;

import dev.taskflow.task.IdempotencyConflictException;
import dev.taskflow.task.FieldError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/** An Idempotency-Key reused with another request (422), or whose task is gone (409). */
@Provider
public class IdempotencyConflictMapper implements ExceptionMapper<IdempotencyConflictException> {
  @Override
  public Response toResponse(IdempotencyConflictException e) {
    return new Problem("urn:taskflow:problem:idempotency-key-conflict", "Idempotency-Key conflict", e.status(),
        e.getMessage(), List.of(new FieldError("Idempotency-Key", e.getMessage()))).toResponse();
  }
}
