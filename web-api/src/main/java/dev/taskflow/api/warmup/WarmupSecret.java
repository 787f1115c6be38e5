package dev.taskflow.api.warmup;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * What marks a request as the warm-up's own: 256 random bits made at start, held in memory only,
 * compared in constant time, and honoured only for a request from this machine.
 */
final class WarmupSecret {

  private final String text;

  WarmupSecret(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    text = HexFormat.of().formatHex(bytes);
  }

  /** The value the warm-up's requests carry. */
  String text() {
    return text;
  }

  /** Whether a request from {@code remote} to {@code local} that presents {@code presented} is the warm-up's. */
  boolean admits(String presented, String remote, String local) {
    return presented != null
        && MessageDigest.isEqual(text.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII))
        && fromThisMachine(remote, local);
  }

  static boolean fromThisMachine(String remote, String local) {
    if (remote == null || remote.isEmpty()) {
      return false;
    }
    if (remote.equals(local)) {
      return true;
    }
    try {
      // A literal address only: never resolve a name here.
      return isLiteral(remote) && InetAddress.getByName(remote).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean isLiteral(String address) {
    return address.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")
        || address.contains(":") && address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
  }

  @Override
  public String toString() {
    return "WarmupSecret[hidden]";
  }
}
