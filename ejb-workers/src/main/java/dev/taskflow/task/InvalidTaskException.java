package dev.taskflow.task;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** Input that breaks the task rules; nothing is written. */
@ApplicationException(rollback = true)
public class InvalidTaskException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<FieldError> errors;

  public InvalidTaskException(List<FieldError> errors) {
    super(errors.isEmpty() ? "invalid task" : errors.get(0).field() + ": " + errors.get(0).message());
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
