package dev.taskflow.task;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where a page of a listing ended: the sort keys of its last task. Clients see it as an opaque
 * string ({@link #encode()}); it names the listing's shape (filters and order) by a digest, so a
 * cursor only continues the listing it came from. A cursor a client made up can only move the
 * start within the caller's own tasks: the user filter never comes from it.
 */
public record TaskCursor(String shape, Instant due, int priorityRank, Instant created, Instant updated, long id) {

  private static final String VERSION = "t1";

  public static TaskCursor after(TaskQuery query, Task last) {
    return new TaskCursor(
        digest(query.shape()), last.dueDate(), rank(last.priority()), last.createdAt(), last.updatedAt(), last.id());
  }

  public String encode() {
    String text = String.join("|", VERSION, shape, due == null ? "-" : due.toString(), Integer.toString(priorityRank),
        created.toString(), updated.toString(), Long.toString(id));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The cursor in {@code text}, if it is one this server made for a listing of {@code query}'s
   * shape; empty otherwise (malformed, or from another listing).
   */
  public static Optional<TaskCursor> decode(String text, TaskQuery query) {
    if (text == null || text.length() > 300) {
      return Optional.empty();
    }
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
      if (parts.length != 7 || !VERSION.equals(parts[0]) || !digest(query.shape()).equals(parts[1])) {
        return Optional.empty();
      }
      int rank = Integer.parseInt(parts[3]);
      long id = Long.parseLong(parts[6]);
      if (rank < 0 || rank > 2 || id < 1) {
        return Optional.empty();
      }
      return Optional.of(new TaskCursor(parts[1], "-".equals(parts[2]) ? null : Instant.parse(parts[2]), rank,
          Instant.parse(parts[4]), Instant.parse(parts[5]), id));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** low 0, medium 1, high 2: the order {@code priority} sorts by. */
  static int rank(Priority priority) {
    return priority.ordinal();
  }

  /** A short digest of a listing's shape: what binds a cursor to the listing it came from. */
  public static String digest(String shape) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(shape.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
