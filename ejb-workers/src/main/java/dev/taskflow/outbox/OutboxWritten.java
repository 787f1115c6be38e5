package dev.taskflow.outbox;

/** Fired when a transaction wrote outbox rows; observed after commit to wake the relay. */
public record OutboxWritten() {}
