package dev.taskflow.reminder;

/** A reminder that was sent: which task, how long before it is due, how late we were. */
public record Reminder(long taskId, String title, int minutesUntilDue, double latenessSeconds) {

  /** The log line users and operators grep for; its format is a promise. */
  public String logLine() {
    return "\uD83D\uDD14 REMINDER: Task '" + title + "' (ID: " + taskId + ") is due in " + minutesUntilDue + " minutes";
  }
}
