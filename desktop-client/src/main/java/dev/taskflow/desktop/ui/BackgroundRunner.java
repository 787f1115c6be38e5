package dev.taskflow.desktop.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (REST calls) off the UI thread and hands the outcome back on it. ViewModel
 * tests use a synchronous implementation, so they are deterministic.
 */
public interface BackgroundRunner {

  <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
