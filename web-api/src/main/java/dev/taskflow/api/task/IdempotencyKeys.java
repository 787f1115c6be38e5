package dev.taskflow.api.task;

import dev.taskflow.api.problem.Problem;
import dev.taskflow.api.problem.ProblemException;
import dev.taskflow.task.FieldError;
import java.util.List;

/**
 * The {@code Idempotency-Key} request header of task creation: 1 to 255 visible ASCII characters
 * (a UUID is the usual choice), or, as the IETF draft writes it, the same in double quotes.
 */
final class IdempotencyKeys {

  static final String HEADER = "Idempotency-Key";
  private static final String TYPE = "urn:taskflow:problem:invalid-header";

  private IdempotencyKeys() {}

  /** The key, or null when the header is absent; a bad one ends the request with 400. */
  static String of(String header) {
    if (header == null) {
      return null;
    }
    String key = header.length() >= 2 && header.startsWith("\"") && header.endsWith("\"")
        ? header.substring(1, header.length() - 1) : header;
    if (key.isEmpty() || key.length() > 255) {
      throw invalid("must be 1 to 255 characters");
    }
    if (!key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw invalid("must be visible ASCII characters only (no spaces or control characters)");
    }
    return key;
  }

  private static ProblemException invalid(String message) {
    return new ProblemException(Problem.invalid(TYPE, "Invalid header", List.of(new FieldError(HEADER, message))));
  }
}
