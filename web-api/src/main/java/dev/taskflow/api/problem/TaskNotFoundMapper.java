package dev.taskflow.api.problem;

import dev.taskflow.task.TaskNotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

@Provider
public class TaskNotFoundMapper implements ExceptionMapper<TaskNotFoundException> {
  @Override
  public Response toResponse(TaskNotFoundException e) {
    return new Problem("urn:taskflow:problem:task-not-found", "Task not found", 404, e.getMessage(), List.of())
        .toResponse();
  }
}
