package dev.taskflow.recurrence;

/** A recurrence rule that cannot be used, with a message that says why (shown to the user). */
public class InvalidRuleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidRuleException(String message) {
    super(message, null, false, false);
  }
}
