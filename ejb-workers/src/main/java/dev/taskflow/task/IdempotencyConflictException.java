package dev.taskflow.task;

import jakarta.ejb.ApplicationException;

/**
 * An Idempotency-Key that cannot be honoured: it was used with another request (422), or the task
 * it created has been deleted since (409).
 */
@ApplicationException(rollback = true)
public class IdempotencyConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public IdempotencyConflictException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
