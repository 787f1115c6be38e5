package dev.taskflow.desktop;

/** Entry point of the desktop client. The JavaFX UI is built in its own issue. */
public final class DesktopClient {

  private DesktopClient() {}

  public static void main(String[] args) {
    System.out.println("The Taskflow desktop client is not built yet; use the REST API (see README.md).");
  }
}
