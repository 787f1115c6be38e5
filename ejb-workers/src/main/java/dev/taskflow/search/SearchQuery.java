package dev.taskflow.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's search text, understood as web-search syntax ("quoted phrase", {@code or},
 * {@code -excluded}) whose last word is also a prefix (search as you type). Pure: the database
 * does the matching ({@code websearch_to_tsquery}); this finds the words to expand or correct.
 */
public final class SearchQuery {

  public static final int MAX_LENGTH = 500;
  /** Shorter prefixes would expand to too much of the dictionary to be useful. */
  static final int MIN_PREFIX = 2;

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern LAST_PLAIN_WORD = Pattern.compile("(^|\\s)([\\p{L}\\p{N}]+)\\s*$");

  private final String text;

  private SearchQuery(String text) {
    this.text = text;
  }

  /** Control characters (NUL included) carry no meaning in a search and PostgreSQL refuses NUL. */
  public static SearchQuery of(String raw) {
    String cleaned = raw == null ? "" : raw.replaceAll("\\p{Cntrl}", " ").strip();
    return new SearchQuery(cleaned);
  }

  public String text() {
    return text;
  }

  public boolean isBlank() {
    return text.isEmpty();
  }

  /**
   * The last word when it can be a prefix: a plain word at the end, outside quotes, not negated,
   * not the {@code or} operator, at least two characters. Lower case.
   */
  public String prefix() {
    if (quotesOpenAtEnd()) {
      return null;
    }
    Matcher m = LAST_PLAIN_WORD.matcher(text);
    if (!m.find()) {
      return null;
    }
    String word = m.group(2).toLowerCase(Locale.ROOT);
    if (word.length() < MIN_PREFIX || word.equals("or")) {
      return null;
    }
    return word;
  }

  /** The text without its last word (the part searched as typed), and without an {@code or} before it. */
  public String withoutPrefix() {
    Matcher m = LAST_PLAIN_WORD.matcher(text);
    String rest = m.find() ? text.substring(0, m.start(2)).strip() : text;
    return prefixFollowsOr() ? rest.substring(0, rest.length() - 2).strip() : rest;
  }

  /** "milk or sli": the last word is an alternative to what comes before, not an addition. */
  public boolean prefixFollowsOr() {
    Matcher m = LAST_PLAIN_WORD.matcher(text);
    if (!m.find()) {
      return false;
    }
    String rest = text.substring(0, m.start(2)).strip().toLowerCase(Locale.ROOT);
    return rest.equals("or") || rest.endsWith(" or");
  }

  /** The plain words a typo could hide in: not excluded, not operators. Lower case, in order. */
  public List<String> correctableWords() {
    List<String> words = new ArrayList<>();
    for (String token : text.split("\\s+")) {
      if (token.startsWith("-") || token.equalsIgnoreCase("or")) {
        continue;
      }
      Matcher m = WORD.matcher(token);
      while (m.find()) {
        words.add(m.group().toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }

  /** The same query with words replaced (typo corrections), keeping its syntax. */
  public SearchQuery replacing(java.util.Map<String, String> corrections) {
    Matcher m = WORD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = corrections.getOrDefault(m.group().toLowerCase(Locale.ROOT), m.group());
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return new SearchQuery(out.toString());
  }

  private boolean quotesOpenAtEnd() {
    return text.chars().filter(c -> c == '"').count() % 2 == 1 || text.endsWith("\"");
  }
}
