package dev.taskflow.desktop.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marks the words of a text that a search query matched, for display. The server stems English
 * words ("meetings" finds "meeting") and matches the last word as a prefix; this approximates that
 * by marking a word that starts with a query term, or that a query term starts with (at least three
 * letters). Excluded ({@code -word}) terms and the {@code or} operator mark nothing.
 */
public final class MatchHighlighter {

  public record Segment(String text, boolean match) {}

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final int MIN_STEM = 3;

  private final List<String> terms;

  public MatchHighlighter(String query) {
    this.terms = terms(query);
  }

  static List<String> terms(String query) {
    List<String> terms = new ArrayList<>();
    if (query == null) {
      return terms;
    }
    for (String token : query.strip().split("\\s+")) {
      if (token.startsWith("-") || token.equalsIgnoreCase("or")) {
        continue;
      }
      Matcher word = WORD.matcher(token);
      while (word.find()) {
        terms.add(word.group().toLowerCase(Locale.ROOT));
      }
    }
    return terms;
  }

  public boolean isEmpty() {
    return terms.isEmpty();
  }

  public List<Segment> segments(String text) {
    List<Segment> segments = new ArrayList<>();
    Matcher word = WORD.matcher(text);
    int plainFrom = 0;
    while (word.find()) {
      if (matches(word.group().toLowerCase(Locale.ROOT))) {
        if (word.start() > plainFrom) {
          segments.add(new Segment(text.substring(plainFrom, word.start()), false));
        }
        segments.add(new Segment(word.group(), true));
        plainFrom = word.end();
      }
    }
    if (plainFrom < text.length()) {
      segments.add(new Segment(text.substring(plainFrom), false));
    }
    return segments;
  }

  private boolean matches(String word) {
    for (String term : terms) {
      if (word.startsWith(term) || term.length() >= MIN_STEM && word.length() >= MIN_STEM
          && term.startsWith(word.substring(0, Math.max(MIN_STEM, word.length() - 1)))) {
        return true;
      }
    }
    return false;
  }
}
