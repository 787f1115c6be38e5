package dev.taskflow.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the server really reads and serves, taken from its sources: Liberty variables in server.xml,
 * MicroProfile Config names in the Java code and properties, features, the EAR name.
 */
final class ServerFacts {

  static final Path SERVER_XML = Manifests.ROOT.resolve("liberty-config/server.xml");

  /**
   * Variables the manifests set before the server reads them, each with the reason; the check
   * "every variable set is one the server reads" accepts these too. Remove an entry once
   * {@link #environmentNames()} finds the name in the server's sources.
   */
  static final Map<String, String> SET_AHEAD_OF_THE_SERVER = Map.of();

  private ServerFacts() {}

  /** MicroProfile Config and Liberty both map {@code db.host} to the variable {@code DB_HOST}. */
  static String envName(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> all(Pattern pattern, String text) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  /** Every environment variable name the server reads. */
  static Set<String> environmentNames() {
    Set<String> properties = new TreeSet<>(all(Pattern.compile("<variable name=\"([^\"]+)\""), read(SERVER_XML)));
    String mpConfig = read(Manifests.ROOT.resolve("ejb-workers/src/main/resources/META-INF/microprofile-config.properties"));
    properties.addAll(all(Pattern.compile("(?m)^([a-z][\\w.-]*)="), mpConfig).stream()
        .filter(name -> !name.startsWith("mp.messaging.")).toList());
    for (String module : new String[] {"ejb-workers", "web-api"}) {
      try (Stream<Path> files = Files.walk(Manifests.ROOT.resolve(module).resolve("src/main/java"))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String code = read(file);
          properties.addAll(all(Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\""), code));
          properties.addAll(all(Pattern.compile("getOptionalValue\\(\\s*\"([^\"]+)\""), code));
          properties.addAll(all(Pattern.compile("getValue\\(\\s*\"([^\"]+)\""), code));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    properties.addAll(kafkaPassThrough().stream().map(name -> "kafka." + name).toList());
    // MicroProfile JWT, read by Liberty's mpJwt feature.
    properties.addAll(Set.of("mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer",
        "mp.jwt.verify.audiences", "mp.jwt.verify.publickey.algorithm"));
    Set<String> names = new TreeSet<>();
    properties.forEach(p -> names.add(envName(p)));
    // Read directly from the environment.
    for (String module : new String[] {"ejb-workers", "web-api"}) {
      try (Stream<Path> files = Files.walk(Manifests.ROOT.resolve(module).resolve("src/main/java"))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          names.addAll(all(Pattern.compile("System\\.getenv\\(\\s*\"([A-Z][A-Z0-9_]*)\""), read(file)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return names;
  }

  /** The client settings KafkaSettings passes through as {@code kafka.<name>}. */
  static Set<String> kafkaPassThrough() {
    String code = read(Manifests.ROOT.resolve("ejb-workers/src/main/java/dev/taskflow/kafka/KafkaSettings.java"));
    Matcher list = Pattern.compile("PASSED_THROUGH\\s*=\\s*List\\.of\\(([^)]*)\\)", Pattern.DOTALL).matcher(code);
    if (!list.find()) {
      throw new AssertionError("KafkaSettings.PASSED_THROUGH not found");
    }
    return all(Pattern.compile("\"([^\"]+)\""), list.group(1));
  }

  /** The recurrence consumer's group, as the server configures its channel. */
  static String recurrenceConsumerGroup() {
    String mpConfig = read(Manifests.ROOT.resolve("ejb-workers/src/main/resources/META-INF/microprofile-config.properties"));
    Matcher m = Pattern.compile("(?m)^mp\\.messaging\\.incoming\\.task-recurrence\\.group\\.id=(\\S+)$").matcher(mpConfig);
    if (!m.find()) {
      throw new AssertionError("microprofile-config.properties sets no group.id for task-recurrence");
    }
    return m.group(1);
  }

  /** The prefix of the consumer groups the desktop client's Kafka mode makes (one per window). */
  static String desktopConsumerGroupPrefix() {
    String code = read(Manifests.ROOT.resolve("desktop-client/src/main/java/dev/taskflow/desktop/live/KafkaLiveEvents.java"));
    Matcher m = Pattern.compile("groupId\\s*=\\s*\"([^\"]+)\"\\s*\\+").matcher(code);
    if (!m.find()) {
      throw new AssertionError("KafkaLiveEvents: no groupId = \"<prefix>\" + ...");
    }
    return m.group(1);
  }

  static String variableDefault(String name) {
    Matcher m = Pattern.compile("<variable name=\"" + Pattern.quote(name) + "\" defaultValue=\"([^\"]*)\"")
        .matcher(read(SERVER_XML));
    if (!m.find()) {
      throw new AssertionError("server.xml has no variable " + name);
    }
    return m.group(1);
  }

  /** The default of a {@code @ConfigProperty(name = ..., defaultValue = ...)} in the server's code. */
  static String configDefault(String name) {
    for (String module : new String[] {"ejb-workers", "web-api"}) {
      try (Stream<Path> files = Files.walk(Manifests.ROOT.resolve(module).resolve("src/main/java"))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Matcher m = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"" + Pattern.quote(name)
              + "\"\\s*,\\s*defaultValue\\s*=\\s*\"([^\"]*)\"").matcher(read(file));
          if (m.find()) {
            return m.group(1);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new AssertionError("no @ConfigProperty " + name + " with a default in the server's code");
  }

  static Set<String> features() {
    return all(Pattern.compile("<feature>([^<]+)</feature>"), read(SERVER_XML));
  }

  static String applicationLocation() {
    return all(Pattern.compile("<enterpriseApplication[^>]*location=\"([^\"]+)\""), read(SERVER_XML))
        .iterator().next();
  }

  static String jdbcLibraryDir() {
    return all(Pattern.compile("<fileset dir=\"\\$\\{server.config.dir}/([^\"]+)\""), read(SERVER_XML))
        .iterator().next();
  }

  static String openLibertyVersion() {
    return all(Pattern.compile("<openliberty.version>([^<]+)</openliberty.version>"),
        read(Manifests.ROOT.resolve("pom.xml"))).iterator().next();
  }
}
