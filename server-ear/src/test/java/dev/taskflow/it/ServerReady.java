package dev.taskflow.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Before the first integration test, waits until the test server is ready. The Liberty plugin's
 * test-start returns once the application has started, but the server only serves its API once
 * it has warmed up (until then it answers 503). Registered for every test class through
 * META-INF/services and junit-platform.properties.
 */
public class ServerReady implements BeforeAllCallback {

  private static volatile boolean ready;

  @Override
  public void beforeAll(ExtensionContext context) {
    if (!ready) {
      synchronized (ServerReady.class) {
        if (!ready) {
          Stack.awaitReady();
          ready = true;
        }
      }
    }
  }
}
