package dev.taskflow.api.problem;

import dev.taskflow.json.Jsons;
import dev.taskflow.task.FieldError;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem detail, answered as {@code application/problem+json}. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** A plain HTTP problem: {@code about:blank} with the status' reason phrase as title. */
  public static Problem of(Response.StatusType status, String detail) {
    return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, List.of());
  }

  public static Problem invalid(String type, String title, List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + " " + errors.get(0).message()
            : errors.size() + " fields are invalid; see errors";
    return new Problem(type, title, 400, detail, errors);
  }

  public String toJson() {
    JsonObjectBuilder json =
        Jsons.createObjectBuilder().add("type", type).add("title", title).add("status", status);
    if (detail != null) {
      json.add("detail", detail);
    }
    if (!errors.isEmpty()) {
      JsonArrayBuilder list = Jsons.createArrayBuilder();
      errors.forEach(e -> list.add(Jsons.createObjectBuilder().add("field", e.field()).add("message", e.message())));
      json.add("errors", list);
    }
    return json.build().toString();
  }

  public Response.ResponseBuilder toResponseBuilder() {
    return Response.status(status).type(MEDIA_TYPE).entity(toJson());
  }

  public Response toResponse() {
    return toResponseBuilder().build();
  }
}
