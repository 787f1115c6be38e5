package dev.taskflow.task;

import jakarta.ejb.ApplicationException;

/** No task with that id for this user: another user's task is reported exactly like a missing one. */
@ApplicationException(rollback = true)
public class TaskNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TaskNotFoundException(long id) {
    this("There is no task with id " + id);
  }

  public TaskNotFoundException(String message) {
    super(message);
  }
}
