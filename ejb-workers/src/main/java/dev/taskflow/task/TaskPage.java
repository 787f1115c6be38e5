package dev.taskflow.task;

import java.util.List;

/**
 * One page of a listing, the number of tasks across all pages, and where the next page starts
 * ({@code null} on the last page).
 */
public record TaskPage(List<Task> items, long total, TaskCursor next) {}
