package dev.taskflow.reminder;

import java.time.Instant;

/** A task's reminder becomes due at {@code at}; fired by changes, observed after their commit. */
public record ReminderDue(Instant at) {}
