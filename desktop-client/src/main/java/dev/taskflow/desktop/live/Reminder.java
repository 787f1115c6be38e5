package dev.taskflow.desktop.live;

import dev.taskflow.desktop.task.Task;

/** A {@code taskflow.reminder.sent} event of the signed-in user. */
public record Reminder(String eventId, Task task, int minutesUntilDue) {

  public String headline() {
    return "Due in " + minutesUntilDue + (minutesUntilDue == 1 ? " minute" : " minutes");
  }
}
