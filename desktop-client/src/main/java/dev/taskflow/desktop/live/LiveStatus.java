package dev.taskflow.desktop.live;

/** The state of the live event connection, for the status bar. */
public record LiveStatus(State state, String message) {

  public enum State { DISABLED, CONNECTING, LIVE, DOWN }

  public static LiveStatus disabled() {
    return new LiveStatus(State.DISABLED, "Live updates off");
  }

  public static LiveStatus connecting(String servers) {
    return new LiveStatus(State.CONNECTING, "Connecting to Kafka at " + servers + "…");
  }

  public static LiveStatus live(String servers) {
    return new LiveStatus(State.LIVE, "Live: Kafka " + servers);
  }

  public static LiveStatus down(String servers) {
    return new LiveStatus(State.DOWN, "Kafka at " + servers + " unreachable; retrying");
  }
}
