package dev.taskflow.api.problem;

import dev.taskflow.task.InvalidTaskException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class InvalidTaskMapper implements ExceptionMapper<InvalidTaskException> {
  public static final String TYPE = "urn:taskflow:problem:invalid-task";

  @Override
  public Response toResponse(InvalidTaskException e) {
    return Problem.invalid(TYPE, "Invalid task", e.errors()).toResponse();
  }
}
