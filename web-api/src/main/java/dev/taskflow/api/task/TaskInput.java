package dev.taskflow.api.task;

import dev.taskflow.api.DateTimes;
import dev.taskflow.api.TimeZoneIds;
import dev.taskflow.recurrence.RecurrenceRules;
import dev.taskflow.task.FieldError;
import dev.taskflow.task.InvalidTaskException;
import dev.taskflow.task.Priority;
import dev.taskflow.task.RepeatFrom;
import dev.taskflow.task.TaskDraft;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a JSON task (a create body, or the current task with a merge patch applied) into a valid
 * {@link TaskDraft}, or reports every broken rule by field. Unknown and read-only fields are
 * refused by name (a typo such as {@code dueDat} must not silently drop the due date); {@code
 * null} or absence gives a field its default.
 */
public final class TaskInput {

  static final int MAX_TITLE = 200;
  static final int MAX_DESCRIPTION = 10_000;
  static final int MAX_CATEGORY = 50;
  static final int MAX_TAGS = 20;
  static final int MAX_TAG = 50;
  static final int MAX_REMIND_MINUTES = 43_200;
  static final int DEFAULT_REMIND_MINUTES = 60;
  private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final JsonObject json;
  /** The task's state before a patch, or null for a new task. */
  private final TaskDraft current;
  private final List<FieldError> errors = new ArrayList<>();

  private TaskInput(JsonObject json, TaskDraft current) {
    this.json = json;
    this.current = current;
  }

  /** A new task. */
  public static TaskDraft parse(JsonObject json) {
    return new TaskInput(json, null).draft();
  }

  /**
   * A patched task: {@code json} is {@code current} with the patch applied. Rules that depend on
   * time (a due date's range, a rule repeating after the due date) are only checked again when
   * the fields they concern change, so the last task of an ending series stays editable.
   */
  public static TaskDraft parse(JsonObject json, TaskDraft current) {
    return new TaskInput(json, current).draft();
  }

  /** The fields a client may send; every other field is refused by name. */
  static final Set<String> WRITABLE =
      Set.of("title", "description", "priority", "category", "tags", "dueDate", "timeZone", "recurrenceRule",
          "repeatFrom", "remindBeforeMinutes", "completed");
  /** The fields the server sets: named as read-only when sent, so a typo and a misunderstanding read apart. */
  static final Set<String> READ_ONLY = Set.of("id", "completedAt", "reminderSent", "seriesId", "createdAt", "updatedAt");

  private TaskDraft draft() {
    for (String field : new java.util.TreeSet<>(json.keySet())) {
      if (READ_ONLY.contains(field)) {
        error(field, "is read-only: the server sets it");
      } else if (!WRITABLE.contains(field)) {
        error(JsonBodies.printable(field), "is not a field of a task");
      }
    }
    String title = title();
    String description = text("description", MAX_DESCRIPTION, false);
    Priority priority = choice("priority", Priority.class, Priority.MEDIUM);
    String category = text("category", MAX_CATEGORY, true);
    List<String> tags = tags();
    String timeZone = timeZone();
    Due due = dueDate(timeZone);
    Instant dueDate = due == null ? null : due.at();
    boolean allDay = due != null && due.allDay();
    String rule = recurrenceRule(dueDate, allDay, timeZone);
    RepeatFrom repeatFrom = choice("repeatFrom", RepeatFrom.class, RepeatFrom.DUE);
    int remind = remindBeforeMinutes();
    boolean completed = completed();
    if (!errors.isEmpty()) {
      throw new InvalidTaskException(errors);
    }
    return new TaskDraft(title, description, priority, category, tags, dueDate, timeZone, rule, repeatFrom, remind, completed,
        allDay);
  }

  private String title() {
    JsonValue value = json.get("title");
    if (isNull(value)) {
      return error("title", "is required");
    }
    if (!(value instanceof JsonString s)) {
      return error("title", "must be a string");
    }
    String title = s.getString().strip();
    if (title.isEmpty()) {
      return error("title", "must not be blank");
    }
    return checked("title", title, MAX_TITLE, true);
  }

  /** An optional string; {@code singleLine} fields also refuse control characters. */
  private String text(String field, int max, boolean singleLine) {
    JsonValue value = json.get(field);
    if (isNull(value)) {
      return null;
    }
    if (!(value instanceof JsonString s)) {
      return error(field, "must be a string or null");
    }
    String text = singleLine ? s.getString().strip() : s.getString();
    if (singleLine && text.isEmpty()) {
      return null;
    }
    return checked(field, text, max, singleLine);
  }

  private String checked(String field, String text, int max, boolean singleLine) {
    if (text.codePointCount(0, text.length()) > max) {
      return error(field, "must be at most " + max + " characters");
    }
    if (text.indexOf('\u0000') >= 0) {
      return error(field, "must not contain NUL characters");
    }
    if (singleLine && text.chars().anyMatch(Character::isISOControl)) {
      return error(field, "must not contain control characters");
    }
    return text;
  }

  private List<String> tags() {
    JsonValue value = json.get("tags");
    if (isNull(value)) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      error("tags", "must be an array of strings");
      return List.of();
    }
    if (array.size() > MAX_TAGS) {
      error("tags", "must hold at most " + MAX_TAGS + " tags");
      return List.of();
    }
    List<String> tags = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String field = "tags[" + i + "]";
      if (!(array.get(i) instanceof JsonString s)) {
        error(field, "must be a string");
        continue;
      }
      String tag = s.getString().strip();
      if (tag.isEmpty()) {
        error(field, "must not be blank");
      } else if (checked(field, tag, MAX_TAG, true) == null) {
        continue;
      } else if (!seen.add(tag)) {
        error(field, "duplicates the tag '" + tag + "'");
      } else {
        tags.add(tag);
      }
    }
    return tags;
  }

  /** A due date: a moment, or the start of a day in the task's zone for an all-day task. */
  private record Due(Instant at, boolean allDay) {}

  /** {@code zone} is null when the timeZone is invalid (and reported). */
  private Due dueDate(String zone) {
    JsonValue value = json.get("dueDate");
    if (isNull(value)) {
      return null;
    }
    if (!(value instanceof JsonString s)) {
      return error("dueDate", "must be a string (a date such as 2030-01-05 for an all-day task, or "
          + DateTimes.FORMS + ") or null");
    }
    Due due;
    try {
      LocalDate day = DateTimes.day(s.getString());
      if (day != null) {
        if (zone == null) {
          return null; // the day starts when the zone says: the zone is reported
        }
        due = new Due(day.atStartOfDay(ZoneId.of(zone)).toInstant(), true);
      } else {
        // the zone is "given" unless a new task leaves it to its default (UTC): then any offset goes
        var parsed = DateTimes.parse(s.getString(), zone == null ? null : ZoneId.of(zone), !isNull(json.get("timeZone")));
        if (parsed == null) {
          return null; // a local date-time in an invalid zone: the zone is reported
        }
        due = new Due(parsed.toInstant().truncatedTo(ChronoUnit.MICROS), false); // PostgreSQL keeps microseconds
      }
    } catch (DateTimes.Invalid e) {
      return error("dueDate", e.getMessage());
    }
    boolean unchanged = current != null && due.at().equals(current.dueDate());
    if (!unchanged && (due.at().isBefore(EARLIEST) || due.at().isAfter(LATEST))) {
      return error("dueDate", "must be between 1970-01-01 and 9999-12-31");
    }
    return due;
  }

  private String timeZone() {
    JsonValue value = json.get("timeZone");
    if (isNull(value)) {
      return "UTC";
    }
    if (!(value instanceof JsonString s)) {
      return error("timeZone", "must be an IANA time zone id such as Europe/Berlin");
    }
    String zone = s.getString();
    if (!TimeZoneIds.isKnown(zone)) {
      return error("timeZone", TimeZoneIds.PROBLEM);
    }
    return zone;
  }

  /** {@code zone} is null when the timeZone is invalid (and reported). */
  private String recurrenceRule(Instant dueDate, boolean allDay, String zone) {
    JsonValue value = json.get("recurrenceRule");
    if (isNull(value)) {
      return null;
    }
    if (!(value instanceof JsonString s)) {
      return error("recurrenceRule", "must be an RRULE string such as FREQ=WEEKLY;BYDAY=MO, or null");
    }
    String rule = s.getString();
    var problem = RecurrenceRules.problemForTask(rule);
    if (problem.isPresent()) {
      return error("recurrenceRule", problem.get());
    }
    if (dueDate == null) {
      if (isNull(json.get("dueDate"))) {
        return error("recurrenceRule", "needs a dueDate: the first occurrence of the series");
      }
      return null; // the dueDate itself is invalid and reported
    }
    String timeOfDay = allDay ? DateTimes.timeOfDayIn(rule) : null;
    if (timeOfDay != null) {
      return error("recurrenceRule", "repeats by days for an all-day task, so it cannot have " + timeOfDay
          + "; give the dueDate a time of day to repeat within days");
    }
    boolean unchanged =
        current != null
            && rule.equals(current.recurrenceRule())
            && dueDate.equals(current.dueDate())
            && zone != null
            && zone.equals(current.timeZone());
    if (zone != null && !unchanged) {
      var seriesProblem = RecurrenceRules.problemForSeries(rule, dueDate, ZoneId.of(zone));
      if (seriesProblem.isPresent()) {
        return error("recurrenceRule", seriesProblem.get());
      }
    }
    return rule;
  }

  private int remindBeforeMinutes() {
    JsonValue value = json.get("remindBeforeMinutes");
    if (isNull(value)) {
      return DEFAULT_REMIND_MINUTES;
    }
    String message = "must be a whole number of minutes from 0 to " + MAX_REMIND_MINUTES;
    if (!(value instanceof JsonNumber n)) {
      error("remindBeforeMinutes", message);
      return DEFAULT_REMIND_MINUTES;
    }
    try {
      BigDecimal minutes = n.bigDecimalValue();
      if (minutes.signum() < 0
          || minutes.compareTo(BigDecimal.valueOf(MAX_REMIND_MINUTES)) > 0
          || minutes.stripTrailingZeros().scale() > 0) {
        error("remindBeforeMinutes", message);
        return DEFAULT_REMIND_MINUTES;
      }
      return minutes.intValue();
    } catch (RuntimeException e) {
      error("remindBeforeMinutes", message);
      return DEFAULT_REMIND_MINUTES;
    }
  }

  private boolean completed() {
    JsonValue value = json.get("completed");
    if (isNull(value)) {
      return false;
    }
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value == JsonValue.TRUE;
    }
    if (value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
      return value.getValueType() == JsonValue.ValueType.TRUE;
    }
    error("completed", "must be true or false");
    return false;
  }

  private <E extends Enum<E>> E choice(String field, Class<E> type, E fallback) {
    JsonValue value = json.get(field);
    if (isNull(value)) {
      return fallback;
    }
    List<String> names =
        java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    if (value instanceof JsonString s && names.contains(s.getString())) {
      return Enum.valueOf(type, s.getString().toUpperCase(Locale.ROOT));
    }
    error(field, "must be one of " + String.join(", ", names));
    return fallback;
  }

  private static boolean isNull(JsonValue value) {
    return value == null || value.getValueType() == JsonValue.ValueType.NULL;
  }

  private <T> T error(String field, String message) {
    errors.add(new FieldError(field, message));
    return null;
  }
}
