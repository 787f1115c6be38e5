package dev.taskflow.reminder;

/** A reminder that was sent: which task, how long before it is due, how late we were. */
public record Reminder(long taskId, String title, int minutesUntilDue, double latenessSeconds) {

  /**
   * The log line users and operators grep for; its format is a promise. The title is the user's
   * text: characters that could end the line or change how it reads (controls, U+2028/U+2029,
   * U+0085, bidirectional and other format characters) are written as {@code \\uXXXX}, and a
   * backslash as {@code \\\\}, so a title can never forge a second line or reorder this one.
   */
  public String logLine() {
    return "\uD83D\uDD14 REMINDER: Task '" + escape(title) + "' (ID: " + taskId + ") is due in " + minutesUntilDue + " minutes";
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      int type = Character.getType(c);
      if (c == '\\') {
        out.append("\\\\");
      } else if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.UNASSIGNED
          || type == Character.PRIVATE_USE) {
        if (Character.isBmpCodePoint(c)) {
          out.append(String.format("\\u%04X", c));
        } else {
          out.append(String.format("\\U%06X", c));
        }
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}
