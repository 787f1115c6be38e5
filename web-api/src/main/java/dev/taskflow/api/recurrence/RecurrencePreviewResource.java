package dev.taskflow.api.recurrence;

import dev.taskflow.json.Jsons;
import dev.taskflow.api.DateTimes;
import dev.taskflow.api.TimeZoneIds;
import dev.taskflow.api.problem.Problem;
import dev.taskflow.api.problem.ProblemException;
import dev.taskflow.api.task.JsonBodies;
import dev.taskflow.recurrence.InvalidRuleException;
import dev.taskflow.recurrence.Recurrence;
import dev.taskflow.task.FieldError;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Previews a rule: the first {@code count} occurrences from a local start in a zone, as local
 * times with their offset. Every FREQ is accepted here (tasks repeat at most hourly); every rule is
 * bounded in cost (docs/RECURRENCE.md), so a preview never costs more than a bounded number of steps.
 */
@Path("recurrence/preview")
public class RecurrencePreviewResource {

  static final int MAX_COUNT = 1000;
  private static final java.util.Set<String> FIELDS = java.util.Set.of("rule", "start", "timeZone", "count");
  private static final String TYPE = "urn:taskflow:problem:invalid-recurrence";
  private static final DateTimeFormatter LOCAL_WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject preview(InputStream body) {
    JsonObject json = JsonBodies.readObject(body);
    List<FieldError> errors = new ArrayList<>();
    for (String field : new java.util.TreeSet<>(json.keySet())) {
      if (!FIELDS.contains(field)) {
        errors.add(new FieldError(JsonBodies.printable(field), "is not a field of a preview; known: count, rule, start, timeZone"));
      }
    }
    Recurrence rule = rule(json, errors);
    ZoneId zone = zone(json, errors);
    LocalDateTime start = start(json, zone, errors);
    boolean allDay = json.get("start") instanceof JsonString s && isDay(s.getString());
    if (allDay && rule != null && json.get("rule") instanceof JsonString r && DateTimes.timeOfDayIn(r.getString()) != null) {
      errors.add(new FieldError("rule", "repeats by days from a date alone, so it cannot have "
          + DateTimes.timeOfDayIn(r.getString()) + "; give start a time of day to repeat within days"));
    }
    int count = count(json, errors);
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    JsonArrayBuilder occurrences = Jsons.createArrayBuilder();
    try {
      // an all-day series answers its days; any other its local times with their offset
      rule.first(start, zone, count)
          .forEach(o -> occurrences.add(allDay ? o.toLocalDate().toString() : o.format(LOCAL_WITH_OFFSET)));
    } catch (InvalidRuleException e) {
      throw invalid(List.of(new FieldError("rule", e.getMessage())));
    }
    return Jsons.createObjectBuilder().add("occurrences", occurrences).build();
  }

  private static Recurrence rule(JsonObject json, List<FieldError> errors) {
    if (!(json.get("rule") instanceof JsonString s)) {
      errors.add(new FieldError("rule", "is required: an RRULE value such as FREQ=WEEKLY;BYDAY=MO"));
      return null;
    }
    try {
      return Recurrence.parse(s.getString());
    } catch (InvalidRuleException e) {
      errors.add(new FieldError("rule", e.getMessage()));
      return null;
    }
  }

  /** The start as a local date-time in the zone: the same forms a task's dueDate takes. */
  private static LocalDateTime start(JsonObject json, ZoneId zone, List<FieldError> errors) {
    if (!(json.get("start") instanceof JsonString s)) {
      errors.add(new FieldError("start", "is required: a date such as 2030-01-05 (an all-day series), or " + DateTimes.FORMS));
      return null;
    }
    try {
      java.time.LocalDate day = DateTimes.day(s.getString());
      LocalDateTime local = day != null ? day.atStartOfDay() : DateTimes.local(s.getString(), zone, hasValue(json, "timeZone"));
      if (local == null) {
        return null; // a local date-time in an invalid zone: the zone is reported
      }
      if (local.getYear() < 1 || local.getYear() > 9999) {
        errors.add(new FieldError("start", "must be between the years 1 and 9999"));
        return null;
      }
      return local.withNano(0);
    } catch (DateTimes.Invalid e) {
      errors.add(new FieldError("start", e.getMessage()));
      return null;
    }
  }

  private static boolean isDay(String text) {
    try {
      return DateTimes.day(text) != null;
    } catch (DateTimes.Invalid e) {
      return false;
    }
  }

  private static boolean hasValue(JsonObject json, String field) {
    JsonValue value = json.get(field);
    return value != null && value.getValueType() != JsonValue.ValueType.NULL;
  }

  private static ZoneId zone(JsonObject json, List<FieldError> errors) {
    JsonValue value = json.get("timeZone");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return ZoneId.of("UTC");
    }
    if (value instanceof JsonString s && TimeZoneIds.isKnown(s.getString())) {
      return ZoneId.of(s.getString());
    }
    errors.add(new FieldError("timeZone", TimeZoneIds.PROBLEM));
    return null;
  }

  private static int count(JsonObject json, List<FieldError> errors) {
    JsonValue value = json.get("count");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return 10;
    }
    if (value instanceof JsonNumber n) {
      try {
        BigDecimal count = n.bigDecimalValue();
        if (count.compareTo(BigDecimal.ONE) >= 0
            && count.compareTo(BigDecimal.valueOf(MAX_COUNT)) <= 0
            && count.stripTrailingZeros().scale() <= 0) {
          return count.intValue();
        }
      } catch (RuntimeException e) {
        // reported below
      }
    }
    errors.add(new FieldError("count", "must be a whole number from 1 to " + MAX_COUNT));
    return 0;
  }

  private static ProblemException invalid(List<FieldError> errors) {
    return new ProblemException(Problem.invalid(TYPE, "Invalid recurrence preview", errors));
  }
}
