package dev.taskflow.it;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's OpenAPI 3.1 document as a test oracle: {@link #violations} lists how one HTTP
 * response breaks the document (undocumented path, method, status or media type, a missing
 * required header, a body that does not match its schema). Bodies are validated with JSON Schema
 * 2020-12 / OpenAPI 3.1 semantics (networknt json-schema-validator, OpenAPI 3.1 dialect, format
 * assertions on, {@code readOnly} not asserted). Thread-safe; compiled schemas are cached.
 */
final class Contract {

  /** Where the document lives for the schema registry: {@code $ref}s resolve against it, offline. */
  private static final String DOCUMENT_IRI = "https://contract.taskflow.invalid/openapi.json";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String EVENT_STREAM = "text/event-stream";
  private static final int MAX_SCHEMA_ERRORS = 10;
  private static final int MAX_REF_HOPS = 32;
  private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}/]+\\}");
  private static final Pattern SCHEME_AND_AUTHORITY = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*");

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final JsonNode document;
  private final List<PathTemplate> templates;
  private final List<String> serverBasePaths;
  private final SchemaRegistry registry;
  /** Compiled body schemas, keyed by the JSON pointer of the media type's schema (after {@code $ref}s). */
  private final ConcurrentMap<String, Schema> schemas = new ConcurrentHashMap<>();

  private Contract(JsonNode document, String text) {
    this.document = document;
    this.templates = templates(document);
    this.serverBasePaths = serverBasePaths(document);
    Dialect dialect = document.path("openapi").asString("").startsWith("3.0")
        ? Dialects.getOpenApi30()
        : Dialects.getOpenApi31();
    SchemaRegistryConfig config = SchemaRegistryConfig.builder()
        .formatAssertionsEnabled(true)
        .pathType(PathType.JSON_PATH)
        .locale(Locale.ENGLISH)
        .build();
    this.registry = SchemaRegistry.withDialect(
        dialect, builder -> builder.schemas(Map.of(DOCUMENT_IRI, text)).schemaRegistryConfig(config));
  }

  /** Parses an OpenAPI 3.1 document (JSON, as served by {@code GET /openapi} with {@code Accept: application/json}). */
  static Contract load(String openApiJson) {
    JsonNode document;
    try {
      document = JSON.readTree(openApiJson);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("the OpenAPI document is not JSON: " + e.getOriginalMessage(), e);
    }
    if (document == null || !document.isObject() || !document.path("paths").isObject()) {
      throw new IllegalArgumentException("not an OpenAPI document (no paths object)");
    }
    return new Contract(document, openApiJson);
  }

  /** The response's violations of the document; Content-Type as given, response headers not checked. */
  List<String> violations(String method, String pathAndQuery, int status, String contentType, String body) {
    return check(method, pathAndQuery, status, contentType, null, body);
  }

  /** The response's violations of the document; Content-Type and required headers from {@code headers}. */
  List<String> violations(
      String method, String pathAndQuery, int status, Map<String, List<String>> headers, String body) {
    Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach((name, values) -> {
        if (name != null && values != null) {
          byName.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
        }
      });
    }
    List<String> contentType = byName.get("Content-Type");
    return check(method, pathAndQuery, status,
        contentType == null || contentType.isEmpty() ? null : contentType.get(0), byName, body);
  }

  private List<String> check(String method, String pathAndQuery, int status, String contentType,
      Map<String, List<String>> headers, String body) {
    String verb = method.toUpperCase(Locale.ROOT);
    String path = pathOf(pathAndQuery);
    Report report = new Report(verb + " " + pathAndQuery + " -> " + status + ": ");
    String mediaType = mediaType(contentType);
    String text = body == null ? "" : body;

    PathTemplate template = match(path);
    if (template == null) {
      if (path.equals("/api") || path.startsWith("/api/")) {
        // no such resource: the server may only say so, as a problem (404, or 401 before it looks)
        if ((status == 404 || status == 401) && PROBLEM_JSON.equals(mediaType)) {
          validate("/components/schemas/Problem", parseJson(text, report), report);
        } else {
          report.add("undocumented path (matches no template in the document's paths)");
        }
      }
      return report.violations;
    }
    Resolved resolvedItem = resolve(template.item, template.pointer, report);
    JsonNode pathItem = resolvedItem.node;
    if (pathItem == null) {
      return report.violations;
    }
    String operationKey = verb.toLowerCase(Locale.ROOT);
    boolean head = false;
    if (!pathItem.path(operationKey).isObject() && operationKey.equals("head") && pathItem.path("get").isObject()) {
      operationKey = "get"; // HEAD is GET without a body (RFC 9110 9.3.2)
      head = true;
    }
    JsonNode operation = pathItem.path(operationKey);
    if (!operation.isObject()) {
      if (status != 405) {
        report.add(verb + " not documented for " + template.template + " (expected 405)");
      } else if (!PROBLEM_JSON.equals(mediaType)) {
        report.add("405 for undocumented " + verb + " must be " + PROBLEM_JSON + ", was " + describe(mediaType));
      } else {
        parseJson(text, report);
      }
      return report.violations;
    }
    String where = verb + " " + template.template;

    String responsesPointer = pointer(resolvedItem.pointer, operationKey, "responses");
    JsonNode responses = operation.path("responses");
    String statusKey = responseKey(responses, status);
    if (statusKey == null) {
      report.add("status " + status + " not documented for " + where);
      return report.violations;
    }
    Resolved response = resolve(responses.get(statusKey), pointer(responsesPointer, statusKey), report);
    if (response.node == null) {
      return report.violations;
    }

    if (headers != null) {
      checkHeaders(response, headers, where, statusKey, report);
    }
    if (!head) {
      checkContent(response, mediaType, text, where, statusKey, report);
    }
    return report.violations;
  }

  private void checkHeaders(Resolved response, Map<String, List<String>> headers, String where, String statusKey,
      Report report) {
    JsonNode documented = response.node.path("headers");
    if (!documented.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> entry : documented.properties()) {
      String name = entry.getKey();
      if (name.equalsIgnoreCase("Content-Type")) {
        continue; // OpenAPI: a Content-Type header definition is ignored
      }
      JsonNode header = resolve(entry.getValue(), pointer(response.pointer, "headers", name), report).node;
      if (header != null && header.path("required").asBoolean(false)) {
        List<String> values = headers.get(name);
        if (values == null || values.isEmpty()) {
          report.add("required header " + name + " missing (" + where + " " + statusKey + ")");
        }
      }
    }
  }

  private void checkContent(Resolved response, String mediaType, String body, String where, String statusKey,
      Report report) {
    JsonNode content = response.node.path("content");
    if (!content.isObject() || content.isEmpty()) {
      if (!body.isEmpty()) {
        report.add("body must be empty (" + where + " " + statusKey + " documents no content), has "
            + body.length() + " chars");
      }
      return;
    }
    String mediaKey = mediaKey(content, mediaType);
    if (mediaKey == null) {
      report.add("Content-Type " + describe(mediaType) + " not documented for " + where + " " + statusKey
          + " (documented: " + String.join(", ", content.propertyNames()) + ")");
      return;
    }
    if (mediaType.equals(EVENT_STREAM) || !isJson(mediaType)) {
      return; // a stream, or not JSON: no schema validation
    }
    JsonNode instance = parseJson(body, report);
    if (instance == null) {
      return;
    }
    JsonNode mediaTypeObject = content.get(mediaKey);
    if (!mediaTypeObject.has("schema")) {
      return;
    }
    validate(pointer(response.pointer, "content", mediaKey, "schema"), instance, report);
  }

  /** Validates {@code instance} (null: unparsable, already reported) against the schema at the pointer. */
  private void validate(String schemaPointer, JsonNode instance, Report report) {
    if (instance == null) {
      return;
    }
    Schema schema;
    try {
      schema = schemas.computeIfAbsent(schemaPointer, this::compile);
    } catch (RuntimeException e) {
      report.add("cannot compile the schema at #" + schemaPointer + ": " + e.getMessage());
      return;
    }
    List<com.networknt.schema.Error> errors;
    try {
      errors = schema.validate(instance, context -> context.executionConfig(
          execution -> execution.formatAssertionsEnabled(true).readOnly(false)));
    } catch (RuntimeException e) {
      report.add("body validation failed: " + e);
      return;
    }
    for (int i = 0; i < errors.size() && i < MAX_SCHEMA_ERRORS; i++) {
      com.networknt.schema.Error error = errors.get(i);
      report.add("body " + error.getInstanceLocation() + ": " + error.getMessage());
    }
    if (errors.size() > MAX_SCHEMA_ERRORS) {
      report.add("body: " + (errors.size() - MAX_SCHEMA_ERRORS) + " more schema violations");
    }
  }

  private Schema compile(String schemaPointer) {
    // One registry per document; compile (and resolve $refs) under its lock, then share the schema.
    synchronized (registry) {
      Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + fragment(schemaPointer)));
      schema.initializeValidators();
      return schema;
    }
  }

  private static JsonNode parseJson(String body, Report report) {
    if (body.isBlank()) {
      report.add("body is not JSON: empty");
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      report.add("body is not JSON: " + e.getOriginalMessage());
      return null;
    }
  }

  // --- paths -------------------------------------------------------------------------------------

  /** A {@code paths} key; per segment its literal text and, for a templated segment, its pattern. */
  private record PathTemplate(String template, String pointer, JsonNode item, List<String> literals,
      List<Pattern> segments) {}

  private static List<PathTemplate> templates(JsonNode document) {
    List<PathTemplate> templates = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : document.path("paths").properties()) {
      String template = entry.getKey();
      List<String> literals = segments(template);
      List<Pattern> segments = new ArrayList<>();
      for (String segment : literals) {
        Matcher variable = TEMPLATE_VARIABLE.matcher(segment);
        StringBuilder regex = new StringBuilder();
        int from = 0;
        boolean literal = true;
        while (variable.find()) {
          regex.append(Pattern.quote(segment.substring(from, variable.start()))).append("[^/]+");
          from = variable.end();
          literal = false;
        }
        regex.append(Pattern.quote(segment.substring(from)));
        segments.add(literal ? null : Pattern.compile(regex.toString()));
      }
      templates.add(new PathTemplate(template, pointer("/paths", template), entry.getValue(), literals, segments));
    }
    return templates;
  }

  /** The documented template for {@code path}; a literal segment wins over a templated one. */
  private PathTemplate match(String path) {
    List<String> candidates = new ArrayList<>();
    candidates.add(path);
    for (String base : serverBasePaths) {
      if (path.startsWith(base + "/")) {
        candidates.add(path.substring(base.length()));
      }
    }
    for (String candidate : candidates) {
      List<String> actual = segments(candidate);
      PathTemplate best = null;
      for (PathTemplate template : templates) {
        if (matches(template, actual) && (best == null || moreSpecific(template, best))) {
          best = template;
        }
      }
      if (best != null) {
        return best;
      }
    }
    return null;
  }

  private static boolean matches(PathTemplate template, List<String> actual) {
    if (template.segments.size() != actual.size()) {
      return false;
    }
    List<String> literal = template.literals;
    for (int i = 0; i < actual.size(); i++) {
      Pattern pattern = template.segments.get(i);
      String segment = actual.get(i);
      boolean ok = pattern == null
          ? literal.get(i).equals(segment) || literal.get(i).equals(decode(segment))
          : pattern.matcher(segment).matches();
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Compared segment by segment from the left, the first literal-versus-template difference decides. */
  private static boolean moreSpecific(PathTemplate a, PathTemplate b) {
    for (int i = 0; i < a.segments.size(); i++) {
      boolean aLiteral = a.segments.get(i) == null;
      boolean bLiteral = b.segments.get(i) == null;
      if (aLiteral != bLiteral) {
        return aLiteral;
      }
    }
    return false;
  }

  private static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return segments;
  }

  private static List<String> serverBasePaths(JsonNode document) {
    List<String> bases = new ArrayList<>();
    for (JsonNode server : document.path("servers")) {
      String url = SCHEME_AND_AUTHORITY.matcher(server.path("url").asString("")).replaceFirst("");
      while (url.endsWith("/")) {
        url = url.substring(0, url.length() - 1);
      }
      if (url.startsWith("/") && !bases.contains(url)) {
        bases.add(url);
      }
    }
    return bases;
  }

  private static String pathOf(String pathAndQuery) {
    String path = pathAndQuery;
    if (SCHEME_AND_AUTHORITY.matcher(path).find()) {
      path = SCHEME_AND_AUTHORITY.matcher(path).replaceFirst("");
    }
    int end = path.length();
    for (char stop : new char[] {'?', '#'}) {
      int at = path.indexOf(stop);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    path = path.substring(0, end);
    return path.isEmpty() ? "/" : path;
  }

  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }

  // --- responses and media types -----------------------------------------------------------------

  /** The exact status code, else its range ({@code 4XX}), else {@code default}. */
  private static String responseKey(JsonNode responses, int status) {
    String exact = Integer.toString(status);
    String range = (status / 100) + "XX";
    for (String wanted : new String[] {exact, range, "default"}) {
      for (String key : responses.propertyNames()) {
        if (key.equalsIgnoreCase(wanted)) {
          return key;
        }
      }
    }
    return null;
  }

  /** The documented media type for {@code mediaType}: exact, else {@code type/*}, else {@code *}{@code /*}. */
  private static String mediaKey(JsonNode content, String mediaType) {
    if (mediaType == null) {
      return null;
    }
    Collection<String> keys = content.propertyNames();
    String type = mediaType.contains("/") ? mediaType.substring(0, mediaType.indexOf('/')) : mediaType;
    for (String wanted : new String[] {mediaType, type + "/*", "*/*"}) {
      for (String key : keys) {
        if (mediaType(key).equals(wanted)) {
          return key;
        }
      }
    }
    return null;
  }

  /** The media type without parameters, lower case; null when there is none. */
  private static String mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String type = (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).trim();
    return type.isEmpty() ? null : type.toLowerCase(Locale.ROOT);
  }

  private static boolean isJson(String mediaType) {
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }

  private static String describe(String mediaType) {
    return mediaType == null ? "(none)" : mediaType;
  }

  // --- $ref and JSON pointers --------------------------------------------------------------------

  private record Resolved(JsonNode node, String pointer) {}

  /** Follows local {@code $ref}s ({@code #/components/...}) of a path item, response or header. */
  private Resolved resolve(JsonNode node, String pointer, Report report) {
    for (int hops = 0; node != null && node.has("$ref"); hops++) {
      String ref = node.get("$ref").asString("");
      if (!ref.startsWith("#") || hops == MAX_REF_HOPS) {
        report.add("cannot resolve $ref " + ref + " at #" + pointer);
        return new Resolved(null, pointer);
      }
      pointer = decode(ref.substring(1));
      JsonNode target;
      try {
        target = document.at(JsonPointer.compile(pointer));
      } catch (IllegalArgumentException e) {
        target = null;
      }
      if (target == null || target.isMissingNode()) {
        report.add("$ref " + ref + " points nowhere");
        return new Resolved(null, pointer);
      }
      node = target;
    }
    return new Resolved(node, pointer);
  }

  /** {@code base} followed by the JSON-pointer-escaped {@code names}. */
  private static String pointer(String base, String... names) {
    StringBuilder pointer = new StringBuilder(base);
    for (String name : names) {
      pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
    }
    return pointer.toString();
  }

  /** A JSON pointer as a URI fragment (percent-encoded where a fragment may not hold the character). */
  private static String fragment(String pointer) {
    try {
      return new URI(null, null, null, pointer).getRawFragment();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(pointer, e);
    }
  }

  /** The violations of one response, each prefixed with the request and status. */
  private static final class Report {
    final String prefix;
    final List<String> violations = new ArrayList<>();

    Report(String prefix) {
      this.prefix = prefix;
    }

    void add(String violation) {
      violations.add(prefix + violation);
    }
  }
}
