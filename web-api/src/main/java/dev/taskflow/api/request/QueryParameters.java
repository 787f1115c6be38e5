package dev.taskflow.api.request;

import dev.taskflow.api.problem.Problem;
import dev.taskflow.api.problem.ProblemException;
import dev.taskflow.task.FieldError;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * An operation's query parameters, strictly: a parameter the operation does not know (a typo such
 * as {@code ?tags=home} would otherwise silently list everything) or a single-valued parameter
 * given twice answers 400 naming each.
 */
public final class QueryParameters {

  static final String INVALID_QUERY = "urn:taskflow:problem:invalid-query";

  private final MultivaluedMap<String, String> values;

  private QueryParameters(MultivaluedMap<String, String> values) {
    this.values = values;
  }

  /**
   * The request's parameters, if every one is among {@code known} and only those in {@code
   * repeatable} come more than once.
   */
  public static QueryParameters of(MultivaluedMap<String, String> values, Set<String> known, Set<String> repeatable) {
    List<FieldError> errors = new ArrayList<>();
    for (String name : new TreeSet<>(values.keySet())) {
      if (!known.contains(name)) {
        errors.add(new FieldError(dev.taskflow.api.task.JsonBodies.printable(name),
            "is not a parameter of this operation; known: " + String.join(", ", new TreeSet<>(known))));
      } else if (values.get(name).size() > 1 && !repeatable.contains(name)) {
        errors.add(new FieldError(name, "must be given at most once"));
      }
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return new QueryParameters(values);
  }

  /** The parameter's value, or null when it is absent or empty. */
  public String get(String name) {
    String value = values.getFirst(name);
    return value == null || value.isEmpty() ? null : value;
  }

  public List<String> all(String name) {
    List<String> all = values.get(name);
    return all == null ? List.of() : all;
  }

  public static ProblemException invalid(String name, String message) {
    return invalid(List.of(new FieldError(name, message)));
  }

  public static ProblemException invalid(List<FieldError> errors) {
    return new ProblemException(Problem.invalid(INVALID_QUERY, "Invalid query parameter", errors));
  }
}
