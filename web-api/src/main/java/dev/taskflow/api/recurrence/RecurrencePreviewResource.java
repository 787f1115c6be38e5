package dev.taskflow.api.recurrence;

import dev.taskflow.json.Jsons;
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
import java.time.DateTimeException;
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
  private static final String TYPE = "urn:taskflow:problem:invalid-recurrence";
  private static final DateTimeFormatter LOCAL_WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject preview(InputStream body) {
    JsonObject json = JsonBodies.readObject(body);
    List<FieldError> errors = new ArrayList<>();
    Recurrence rule = rule(json, errors);
    LocalDateTime start = start(json, errors);
    ZoneId zone = zone(json, errors);
    int count = count(json, errors);
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    JsonArrayBuilder occurrences = Jsons.createArrayBuilder();
    try {
      rule.first(start, zone, count).forEach(o -> occurrences.add(o.format(LOCAL_WITH_OFFSET)));
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

  private static LocalDateTime start(JsonObject json, List<FieldError> errors) {
    String message = "is required: a local date-time such as 2026-01-30T09:00:00, without offset";
    if (!(json.get("start") instanceof JsonString s)) {
      errors.add(new FieldError("start", message));
      return null;
    }
    try {
      LocalDateTime start = LocalDateTime.parse(s.getString(), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
      if (start.getYear() < 1 || start.getYear() > 9999) {
        errors.add(new FieldError("start", "must be between the years 1 and 9999"));
        return null;
      }
      return start.withNano(0);
    } catch (DateTimeException e) {
      errors.add(new FieldError("start", message));
      return null;
    }
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
