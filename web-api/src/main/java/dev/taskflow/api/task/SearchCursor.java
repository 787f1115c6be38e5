package dev.taskflow.api.task;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the next page of a search starts: an offset into the ranked results (ranks are computed
 * per query, so there is no stable key to continue from), bound to the search's query and status
 * by a digest. Opaque to clients.
 */
final class SearchCursor {

  private static final String VERSION = "s1";

  private SearchCursor() {}

  static String encode(int offset, String shape) {
    String text = VERSION + "|" + offset + "|" + digest(shape);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The offset in {@code cursor}, if it is a cursor of a search of {@code shape}. */
  static Optional<Integer> decode(String cursor, String shape) {
    if (cursor.length() > 100) {
      return Optional.empty();
    }
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
      if (parts.length != 3 || !VERSION.equals(parts[0]) || !digest(shape).equals(parts[2])
          || !parts[1].matches("[0-9]{1,4}")) {
        return Optional.empty();
      }
      int offset = Integer.parseInt(parts[1]);
      return offset < dev.taskflow.search.SearchService.MAX_RESULTS ? Optional.of(offset) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String digest(String shape) {
    return dev.taskflow.task.TaskCursor.digest(shape);
  }
}
