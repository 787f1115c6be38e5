package dev.taskflow.desktop.api;

import java.util.List;

/**
 * A failed API call. {@code status} is the HTTP status, or 0 when the server could not be reached;
 * field errors come from the problem+json {@code errors} member.
 */
public class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public record FieldError(String field, String message) {}

  private final int status;
  private final String title;
  private final List<FieldError> fieldErrors;

  public ApiException(int status, String title, String detail, List<FieldError> fieldErrors) {
    super(detail == null || detail.isBlank() ? title : detail);
    this.status = status;
    this.title = title;
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  public static ApiException unreachable(String serverUrl, Throwable cause) {
    ApiException e = new ApiException(0, "Server unreachable",
        "Cannot reach the Taskflow server at " + serverUrl, List.of());
    e.initCause(cause);
    return e;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  /** The server is away or cannot serve right now (unreachable, 502..504): worth retrying later. */
  public boolean isConnectionProblem() {
    return status == 0 || status == 502 || status == 503 || status == 504;
  }

  public boolean isNotFound() {
    return status == 404;
  }
}
