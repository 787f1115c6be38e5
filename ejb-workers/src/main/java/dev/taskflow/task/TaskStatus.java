package dev.taskflow.task;

/** Which tasks a listing shows. */
public enum TaskStatus {
  OPEN,
  COMPLETED,
  ALL
}
