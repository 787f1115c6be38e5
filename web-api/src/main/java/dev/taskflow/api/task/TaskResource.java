package dev.taskflow.api.task;

import dev.taskflow.json.Jsons;
import dev.taskflow.api.identity.Caller;
import dev.taskflow.api.problem.Problem;
import dev.taskflow.api.problem.ProblemException;
import dev.taskflow.search.SearchQuery;
import dev.taskflow.search.SearchService;
import dev.taskflow.task.FieldError;
import dev.taskflow.task.Task;
import dev.taskflow.task.TaskJson;
import dev.taskflow.task.TaskNotFoundException;
import dev.taskflow.task.TaskPage;
import dev.taskflow.task.TaskService;
import dev.taskflow.task.TaskStatus;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The task endpoints. Translates HTTP to one {@link TaskService} call and back. */
@Path("tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

  static final String MERGE_PATCH = "application/merge-patch+json";
  private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
  private static final String INVALID_QUERY = "urn:taskflow:problem:invalid-query";
  /** Far beyond any real list; EclipseLink adds offset and limit in an int. */
  static final int MAX_OFFSET = 10_000_000;

  @Inject TaskService tasks;
  @Inject SearchService search;

  /**
   * The public base URL (such as https://tasks.example.com) absolute links are built from; without
   * it they are relative. Never the request's Host header, which the client chooses.
   */
  @Inject
  @ConfigProperty(name = "taskflow.public-base-url")
  Optional<String> publicBaseUrl;

  @Context SecurityContext security;

  /**
   * Creates a task. With an {@code Idempotency-Key} header, repeating the request (after a lost
   * answer) gives the task the first one created, marked {@code Idempotent-Replayed: true}.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, InputStream body) {
    String key = IdempotencyKeys.of(idempotencyKey);
    TaskService.Created created = tasks.create(user(), TaskInput.parse(JsonBodies.readObject(body)), key);
    Task task = created.task();
    String path = "/api/v1/tasks/" + task.id();
    String location = publicBaseUrl.map(base -> base.replaceAll("/+$", "") + path).orElse(path);
    // set as a header, not Response.created(): that would resolve a relative URI against the Host header
    Response.ResponseBuilder response =
        Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, location).entity(TaskJson.of(task));
    if (created.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.build();
  }

  @GET
  public JsonObject list(
      @QueryParam("status") String status,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset) {
    TaskPage page =
        tasks.list(
            user(),
            status(status),
            number("limit", limit, 50, 1, 200),
            number("offset", offset, 0, 0, MAX_OFFSET));
    return TaskJson.page(page.items(), page.total());
  }

  /** Ranked full-text search; see API.md (Search). */
  @GET
  @Path("search")
  public JsonObject search(
      @QueryParam("q") String q, @QueryParam("status") String status, @QueryParam("limit") String limit) {
    String text = q == null ? "" : q;
    if (text.codePointCount(0, text.length()) > SearchQuery.MAX_LENGTH) {
      throw badQuery("q", "must be at most " + SearchQuery.MAX_LENGTH + " characters");
    }
    SearchService.Result result =
        search.search(user(), SearchQuery.of(text), status(status), number("limit", limit, 50, 1, 100));
    JsonArrayBuilder items = Jsons.createArrayBuilder();
    result.hits().forEach(hit -> items.add(Jsons.createObjectBuilder(TaskJson.of(hit.task())).add("rank", hit.rank())));
    return Jsons.createObjectBuilder()
        .add("items", items)
        .add("match", result.match().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
        .add("query", result.query())
        .build();
  }

  @GET
  @Path("{id}")
  public JsonObject get(@PathParam("id") String id) {
    return TaskJson.of(tasks.find(user(), id(id)));
  }

  @PATCH
  @Path("{id}")
  @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
  public JsonObject patch(@PathParam("id") String id, InputStream body) {
    long taskId = id(id);
    JsonObject patch = JsonBodies.readObject(body);
    Task task =
        tasks.patch(
            user(),
            taskId,
            current -> {
              JsonValue merged = Jsons.createMergePatch(patch).apply(TaskJson.writable(current));
              return TaskInput.parse(merged.asJsonObject(), current);
            });
    return TaskJson.of(task);
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    tasks.delete(user(), id(id));
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/complete")
  public JsonObject complete(@PathParam("id") String id) {
    return TaskJson.of(tasks.complete(user(), id(id)));
  }

  private String user() {
    return Caller.id(security);
  }

  /** Anything that is not a task id names no task: 404, like another user's task. */
  private static long id(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new TaskNotFoundException("There is no task with id '" + abbreviated(id) + "'");
    }
    return Long.parseLong(id);
  }

  private static TaskStatus status(String status) {
    if (status == null || status.isEmpty()) {
      return TaskStatus.OPEN;
    }
    return switch (status) {
      case "open" -> TaskStatus.OPEN;
      case "completed" -> TaskStatus.COMPLETED;
      case "all" -> TaskStatus.ALL;
      default -> throw badQuery("status", "must be one of open, completed, all");
    };
  }

  private static int number(String name, String value, int fallback, int min, int max) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    String range = "a whole number from " + min + " to " + max;
    if (!value.matches("[0-9]{1,10}")) {
      throw badQuery(name, "must be " + range);
    }
    long n = Long.parseLong(value);
    if (n < min || n > max) {
      throw badQuery(name, "must be " + range);
    }
    return (int) n;
  }

  private static ProblemException badQuery(String name, String message) {
    return new ProblemException(
        Problem.invalid(INVALID_QUERY, "Invalid query parameter", List.of(new FieldError(name, message))));
  }

  private static String abbreviated(String id) {
    String printable = id == null ? "" : id.replaceAll("[^\\p{Alnum}._-]", "?");
    return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
  }
}
