package dev.taskflow.task;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders a listing can take. Every order ends with the task id, so it is total and a cursor
 * can say exactly where a page ended. Tasks without a due date come last in every order that
 * looks at due dates.
 */
public enum TaskSort {
  DUE("due"),
  DUE_DESCENDING("-due"),
  PRIORITY("priority"),
  PRIORITY_DESCENDING("-priority"),
  CREATED("created"),
  CREATED_DESCENDING("-created"),
  UPDATED("updated"),
  UPDATED_DESCENDING("-updated");

  private final String wireName;

  TaskSort(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<TaskSort> of(String wireName) {
    return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
  }
}
