package dev.taskflow.search;

import dev.taskflow.persistence.DatabaseOutages;
import dev.taskflow.task.Task;
import dev.taskflow.task.TaskPage;
import dev.taskflow.task.TaskService;
import dev.taskflow.task.TaskStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.annotation.Timed;

/**
 * Ranked full-text search over a user's tasks (PostgreSQL, English stemming). The last word is
 * also a prefix, expanded through the user's own word dictionary; when nothing matches, unknown
 * words are corrected against that dictionary by trigram similarity and the search runs again.
 * Every query is scoped by the user: suggestions and expansions never use another user's words.
 */
@Stateless
@Interceptors(DatabaseOutages.class)
public class SearchService {

  /** How a result was found. */
  public enum Match {
    ALL, // empty query: every task, in list order
    FULL_TEXT,
    TYPO, // nothing matched as typed; the corrected query did
    NONE
  }

  public record Hit(Task task, double rank) {}

  /** {@code more}: another page follows (at {@code offset + limit}). */
  public record Result(List<Hit> hits, Match match, String query, boolean more) {}

  /** Search pages through the best this many results; deeper, use the listing's filters. */
  public static final int MAX_RESULTS = 1_000;

  /** More expansions cost more than they help: 30 frequent words took 34 ms at p95, 10 take 7 ms. */
  static final int MAX_EXPANSIONS = 10;
  private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}]+");

  @PersistenceContext(unitName = "taskflow")
  EntityManager em;

  @Inject TaskService tasks;

  /**
   * The page of results from {@code offset} (0 to {@link #MAX_RESULTS} - 1). A later page of a
   * query that needed a typo correction is corrected the same way: the user's words decide it.
   */
  @Timed(name = "taskflow_search_duration", absolute = true,
      description = "Full-text searches, from query to ranked tasks (including the typo retry)")
  public Result search(String userId, SearchQuery query, TaskStatus status, int limit, int offset) {
    int take = Math.max(0, Math.min(limit, MAX_RESULTS - offset));
    if (query.isBlank()) {
      TaskPage page = tasks.list(userId, status, offset + take + 1);
      List<Task> rows = page.items().subList(Math.min(offset, page.items().size()), page.items().size());
      return result(rows.stream().map(t -> new Hit(t, 0)).toList(), take, offset, Match.ALL, "");
    }
    List<Hit> hits = run(userId, query, status, take + 1, offset);
    if (!hits.isEmpty()) {
      return result(hits, take, offset, Match.FULL_TEXT, query.text());
    }
    Map<String, String> corrections = corrections(userId, query);
    if (!corrections.isEmpty()) {
      SearchQuery corrected = query.replacing(corrections);
      hits = run(userId, corrected, status, take + 1, offset);
      if (!hits.isEmpty()) {
        return result(hits, take, offset, Match.TYPO, corrected.text());
      }
    }
    return new Result(List.of(), Match.NONE, query.text(), false);
  }

  private static Result result(List<Hit> hits, int take, int offset, Match match, String text) {
    boolean more = hits.size() > take && offset + take < MAX_RESULTS;
    return new Result(List.copyOf(hits.subList(0, Math.min(take, hits.size()))), match, text, more);
  }

  private List<Hit> run(String userId, SearchQuery query, TaskStatus status, int limit, int offset) {
    String prefix = query.prefix();
    String rest = prefix == null ? query.text() : query.withoutPrefix();
    List<String> expansions = prefix == null ? List.of() : expand(userId, prefix);
    String tsquery;
    if (prefix == null) {
      tsquery = "websearch_to_tsquery('english', ?1)";
    } else {
      String last = expansions.isEmpty() ? "plainto_tsquery('english', ?2)" : "(plainto_tsquery('english', ?2) || to_tsquery('english', ?3))";
      String join = query.prefixFollowsOr() ? " || " : " && ";
      tsquery = rest.isBlank() ? last : "(websearch_to_tsquery('english', ?1)" + join + last + ")";
    }
    String filter =
        switch (status) {
          case OPEN -> " AND t.completed = false";
          case COMPLETED -> " AND t.completed = true";
          case ALL -> "";
        };
    // Title matches first: half the rank is "does the title match", half the cover density.
    String sql =
        "SELECT t.id, 0.5 * ts_rank(t.search_vector, " + tsquery + ", 32)"
            + " + CASE WHEN ts_rank('{0,0,0,1}', t.search_vector, " + tsquery + ") > 0 THEN 0.5 ELSE 0 END AS rank"
            + " FROM tasks t WHERE t.user_id = ?4" + filter + " AND t.search_vector @@ " + tsquery
            + " ORDER BY rank DESC, t.id DESC LIMIT ?5 OFFSET ?6";
    var statement = em.createNativeQuery(sql).setParameter(4, userId).setParameter(5, limit).setParameter(6, offset);
    if (sql.contains("?1")) {
      statement.setParameter(1, rest);
    }
    if (sql.contains("?2")) {
      statement.setParameter(2, prefix);
    }
    if (sql.contains("?3")) {
      statement.setParameter(3, String.join(" | ", expansions));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = statement.getResultList();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, Double> ranks = new LinkedHashMap<>();
    rows.forEach(row -> ranks.put(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue()));
    Map<Long, Task> byId =
        em.createQuery("SELECT t FROM Task t WHERE t.id IN :ids AND t.userId = :user", Task.class)
            .setParameter("ids", List.copyOf(ranks.keySet()))
            .setParameter("user", userId)
            .getResultList()
            .stream()
            .collect(Collectors.toMap(Task::id, Function.identity()));
    List<Hit> hits = new ArrayList<>(ranks.size());
    ranks.forEach((id, rank) -> {
      Task task = byId.get(id);
      if (task != null) {
        hits.add(new Hit(task, rank));
      }
    });
    return hits;
  }

  /** The user's words that start with {@code prefix}, most used first. */
  private List<String> expand(String userId, String prefix) {
    @SuppressWarnings("unchecked")
    List<String> words =
        em.createNativeQuery(
                "SELECT word FROM search_terms WHERE user_id = ?1 AND word LIKE ?2 AND word <> ?3 ORDER BY tasks DESC, word LIMIT ?4")
            .setParameter(1, userId)
            .setParameter(2, prefix + "%") // the prefix is letters and digits only: no LIKE wildcards
            .setParameter(3, prefix)
            .setParameter(4, MAX_EXPANSIONS)
            .getResultList();
    return words.stream().filter(w -> PLAIN.matcher(w).matches()).toList();
  }

  /** For each word the user's tasks do not contain, the closest word they do contain. */
  private Map<String, String> corrections(String userId, SearchQuery query) {
    Set<String> words = new LinkedHashSet<>(query.correctableWords());
    if (words.isEmpty()) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    List<String> known =
        em.createNativeQuery("SELECT word FROM search_terms WHERE user_id = ?1 AND word = ANY (?2)")
            .setParameter(1, userId)
            .setParameter(2, words.toArray(String[]::new))
            .getResultList();
    Map<String, String> corrections = new HashMap<>();
    for (String word : words) {
      // the dictionary holds words of 2 to 40 characters; levenshtein() refuses over 255
      if (known.contains(word) || word.length() < 3 || word.length() > 40) {
        continue;
      }
      @SuppressWarnings("unchecked")
      List<String> closest =
          em.createNativeQuery(
                  "SELECT word FROM search_terms WHERE user_id = ?1 AND word % ?2"
                      + " ORDER BY levenshtein(word, ?2), similarity(word, ?2) DESC, tasks DESC, word LIMIT 1")
              .setParameter(1, userId)
              .setParameter(2, word)
              .getResultList();
      if (!closest.isEmpty()) {
        corrections.put(word, closest.get(0));
      }
    }
    return corrections;
  }
}
