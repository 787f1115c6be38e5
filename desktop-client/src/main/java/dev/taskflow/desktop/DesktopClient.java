package dev.taskflow.desktop;

import javafx.application.Application;

/**
 * Entry point. A plain main class launches the JavaFX application, so the app runs from the class
 * path (no module path needed).
 */
public final class DesktopClient {

  private DesktopClient() {}

  public static void main(String[] args) {
    Application.launch(TaskflowApp.class, args);
  }
}
