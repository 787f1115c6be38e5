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
import jakarta.ws.rs.core.UriInfo;
import dev.taskflow.api.request.KnownQueryParameters;
import dev.taskflow.api.request.QueryParameters;
import jakarta.json.JsonObjectBuilder;
import dev.taskflow.task.Priority;
import dev.taskflow.task.TaskCursor;
import dev.taskflow.task.TaskQuery;
import dev.taskflow.task.TaskSort;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
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
  private static final String INVALID_PATH = "urn:taskflow:problem:invalid-path";
  private static final String MAX_ID = "999999999999999999";

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
  @Context UriInfo uri;

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
    String location = absolute(path);
    // set as a header, not Response.created(): that would resolve a relative URI against the Host header
    Response.ResponseBuilder response =
        Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, location).entity(TaskJson.of(task));
    if (created.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.build();
  }

  /** Filters, order and cursor paging; see docs/API.md (Listing). */
  @GET
  @KnownQueryParameters(
      value = {"status", "tag", "category", "priority", "dueAfter", "dueBefore", "sort", "limit", "cursor"},
      repeatable = {"tag", "priority"})
  public Response list() {
    QueryParameters query = QueryParameters.of(uri.getQueryParameters(), LIST_PARAMETERS, Set.of("tag", "priority"));
    TaskQuery filters = listing(query);
    String cursor = query.get("cursor");
    if (cursor != null) {
      filters = filters.after(TaskCursor.decode(cursor, filters).orElseThrow(() -> QueryParameters.invalid("cursor",
          "is not a cursor of this listing: pass the `next` of the previous page, with the same filters and sort")));
    }
    TaskPage page = tasks.list(user(), filters);
    JsonObjectBuilder json = Jsons.createObjectBuilder(TaskJson.page(page.items(), page.total()));
    Response.ResponseBuilder response = Response.ok();
    if (page.next() != null) {
      String next = page.next().encode();
      json.add("next", next);
      response.header(HttpHeaders.LINK, "<" + nextLink(next) + ">; rel=\"next\"");
    }
    return response.entity(json.build()).build();
  }

  private static final Set<String> LIST_PARAMETERS =
      Set.of("status", "tag", "category", "priority", "dueAfter", "dueBefore", "sort", "limit", "cursor");
  private static final Set<String> SEARCH_PARAMETERS = Set.of("q", "status", "limit", "cursor");

  private static TaskQuery listing(QueryParameters query) {
    List<FieldError> errors = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    List<String> given = query.all("tag");
    if (given.size() > TaskInput.MAX_TAGS) {
      errors.add(new FieldError("tag", "must be given at most " + TaskInput.MAX_TAGS + " times"));
    }
    for (String tag : given) {
      String t = tag.strip();
      if (t.isEmpty() || t.codePointCount(0, t.length()) > TaskInput.MAX_TAG) {
        errors.add(new FieldError("tag", "must be 1 to " + TaskInput.MAX_TAG + " characters"));
      } else {
        tags.add(t);
      }
    }
    String category = query.get("category");
    if (category != null) {
      category = category.strip();
      if (category.isEmpty() || category.codePointCount(0, category.length()) > TaskInput.MAX_CATEGORY) {
        errors.add(new FieldError("category", "must be 1 to " + TaskInput.MAX_CATEGORY + " characters"));
      }
    }
    Set<Priority> priorities = EnumSet.noneOf(Priority.class);
    for (String priority : query.all("priority")) {
      switch (priority) {
        case "low" -> priorities.add(Priority.LOW);
        case "medium" -> priorities.add(Priority.MEDIUM);
        case "high" -> priorities.add(Priority.HIGH);
        default -> errors.add(new FieldError("priority", "must be one of low, medium, high"));
      }
    }
    Instant dueAfter = instant(query, "dueAfter", errors);
    Instant dueBefore = instant(query, "dueBefore", errors);
    if (dueAfter != null && dueBefore != null && !dueBefore.isAfter(dueAfter)) {
      errors.add(new FieldError("dueBefore", "must be later than dueAfter"));
    }
    String sortName = query.get("sort");
    TaskSort sort = sortName == null ? TaskSort.DUE : TaskSort.of(sortName).orElse(null);
    if (sort == null) {
      errors.add(new FieldError("sort", "must be one of "
          + String.join(", ", java.util.Arrays.stream(TaskSort.values()).map(TaskSort::wireName).toList())));
    }
    TaskStatus status = null;
    int limit = 0;
    try {
      status = status(query.get("status"));
      limit = number("limit", query.get("limit"), 50, 1, 200);
    } catch (ProblemException e) {
      errors.addAll(e.problem().errors());
    }
    if (!errors.isEmpty()) {
      throw QueryParameters.invalid(errors);
    }
    return new TaskQuery(status, tags, category, priorities, dueAfter, dueBefore, sort, limit, null);
  }

  private static Instant instant(QueryParameters query, String name, List<FieldError> errors) {
    String value = query.get(name);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      errors.add(new FieldError(name, "must be an RFC 3339 timestamp with an offset, e.g. 2030-01-05T09:00:00Z"
          + " (in a URL, write + as %2B)"));
      return null;
    }
  }

  /** The request's own path and query with {@code cursor} replaced; relative unless a public base URL is set. */
  private String nextLink(String cursor) {
    StringBuilder link = new StringBuilder(uri.getRequestUri().getRawPath());
    String raw = uri.getRequestUri().getRawQuery();
    String separator = "?";
    if (raw != null) {
      for (String pair : raw.split("&")) {
        if (!pair.isEmpty() && !pair.startsWith("cursor=") && !pair.equals("cursor")) {
          link.append(separator).append(pair);
          separator = "&";
        }
      }
    }
    link.append(separator).append("cursor=").append(cursor); // base64url: nothing to escape
    return absolute(link.toString());
  }

  private String absolute(String path) {
    return publicBaseUrl.map(base -> base.replaceAll("/+$", "") + path).orElse(path);
  }

  /** Ranked full-text search, paged by a cursor; see docs/API.md (Search). */
  @GET
  @Path("search")
  @KnownQueryParameters({"q", "status", "limit", "cursor"})
  public Response search() {
    QueryParameters query = QueryParameters.of(uri.getQueryParameters(), SEARCH_PARAMETERS, Set.of());
    String text = query.get("q") == null ? "" : query.get("q");
    if (text.codePointCount(0, text.length()) > SearchQuery.MAX_LENGTH) {
      throw QueryParameters.invalid("q", "must be at most " + SearchQuery.MAX_LENGTH + " characters");
    }
    TaskStatus status = status(query.get("status"));
    int limit = number("limit", query.get("limit"), 50, 1, 100);
    String shape = status.name() + "\n" + text;
    int offset = 0;
    if (query.get("cursor") != null) {
      offset = SearchCursor.decode(query.get("cursor"), shape).orElseThrow(() -> QueryParameters.invalid("cursor",
          "is not a cursor of this search: pass the `next` of the previous page, with the same q and status"));
    }
    SearchService.Result result = search.search(user(), SearchQuery.of(text), status, limit, offset);
    JsonArrayBuilder items = Jsons.createArrayBuilder();
    result.hits().forEach(hit -> items.add(Jsons.createObjectBuilder(TaskJson.of(hit.task())).add("rank", hit.rank())));
    JsonObjectBuilder json = Jsons.createObjectBuilder()
        .add("items", items)
        .add("match", result.match().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
        .add("query", result.query());
    Response.ResponseBuilder response = Response.ok();
    if (result.more()) {
      String next = SearchCursor.encode(offset + limit, shape);
      json.add("next", next);
      response.header(HttpHeaders.LINK, "<" + nextLink(next) + ">; rel=\"next\"");
    }
    return response.entity(json.build()).build();
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

  /**
   * A task id is a whole number from 1 to 18 digits; anything else is a malformed request (400),
   * while a well-formed id of no task of the caller's is 404.
   */
  private static long id(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new ProblemException(Problem.invalid(INVALID_PATH, "Invalid path parameter",
          List.of(new FieldError("id", "must be a task id: a whole number from 1 to " + MAX_ID + ", not '"
              + abbreviated(id) + "'"))));
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
    return QueryParameters.invalid(name, message);
  }

  private static String abbreviated(String id) {
    String printable = id == null ? "" : id.replaceAll("[^\\p{Alnum}._-]", "?");
    return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
  }
}
