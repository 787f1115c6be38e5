package dev.taskflow.desktop.task;

/**
 * The API's field rules the editor checks before it sends anything, as the contract states them
 * (the TaskInput schema of web-api's META-INF/openapi.yaml; WireContractTest holds these numbers
 * to it). Lengths count characters as the server and JSON Schema do: Unicode code points, so an
 * emoji is one character, not two UTF-16 units.
 */
public final class TaskRules {

  public static final int MAX_TITLE = 200;
  public static final int MAX_DESCRIPTION = 10_000;
  public static final int MAX_CATEGORY = 50;
  public static final int MAX_TAGS = 20;
  public static final int MAX_TAG = 50;
  public static final int MAX_REMIND_MINUTES = 43_200;

  private TaskRules() {}

  /** The length of {@code text} in characters (code points). */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
