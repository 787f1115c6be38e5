package dev.taskflow.task;

import java.util.List;

/** One page of a listing and the number of tasks across all pages. */
public record TaskPage(List<Task> items, long total) {}
