package dev.taskflow.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} command-line arguments of the fault suite and the start-up measurement. */
final class Args {

  private final Map<String, String> values;

  private Args(Map<String, String> values) {
    this.values = values;
  }

  static Args parse(String[] argv) {
    Map<String, String> values = new HashMap<>();
    for (String arg : argv) {
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        values.put(arg.substring(2, eq), arg.substring(eq + 1));
      }
    }
    return new Args(values);
  }

  String get(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name + "=...");
    }
    return value;
  }

  String get(String name, String otherwise) {
    return values.getOrDefault(name, otherwise);
  }

  int number(String name, int otherwise) {
    return Integer.parseInt(get(name, String.valueOf(otherwise)));
  }

  double rate(String name, double otherwise) {
    return Double.parseDouble(get(name, String.valueOf(otherwise)));
  }

  boolean has(String name) {
    return values.containsKey(name);
  }
}
