package dev.taskflow.task;

/** One problem with one input field, as problem+json reports it. */
public record FieldError(String field, String message) {}
