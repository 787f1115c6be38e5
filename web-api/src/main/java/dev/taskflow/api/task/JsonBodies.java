package dev.taskflow.api.task;

import dev.taskflow.json.Jsons;
import dev.taskflow.api.problem.Problem;
import dev.taskflow.api.problem.ProblemException;
import dev.taskflow.task.FieldError;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads a request body as one JSON object, strictly: size, UTF-8, syntax and shape. */
public final class JsonBodies {

  /** A task is at most ~11,000 characters of text; a megabyte leaves room for escapes. */
  public static final int MAX_BYTES = 1 << 20;

  static final String TYPE = "urn:taskflow:problem:malformed-request";

  private JsonBodies() {}

  public static JsonObject readObject(InputStream body) {
    byte[] bytes = readLimited(body);
    if (bytes.length == 0) {
      throw malformed("is empty; send a JSON object");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw malformed("is not valid UTF-8");
    }
    JsonValue value;
    try (JsonParser parser = Jsons.createParser(new StringReader(text))) {
      value = read(parser, parser.next(), "", 0);
      if (parser.hasNext()) {
        throw malformed("must hold one JSON value, but more follows it");
      }
    } catch (JsonParsingException e) {
      var at = e.getLocation();
      throw malformed(
          "is not valid JSON"
              + (at == null ? "" : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")"));
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      // JsonException, NoSuchElementException, and Parsson's limits (nesting depth, number size)
      throw malformed("is not valid JSON or exceeds the parser's limits");
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw malformed("must be a JSON object");
    }
    return value.asJsonObject();
  }

  /** Deeper than any task; Parsson's own limit is higher and answers with a less useful message. */
  static final int MAX_DEPTH = 32;

  /**
   * The value that starts with {@code event}, built from the parser's events so that a key given
   * twice in one object is refused (JSON-P's readers keep the last one silently, RFC 8259 leaves
   * it to us: a client sending two values means one of them is a mistake).
   */
  private static JsonValue read(JsonParser parser, JsonParser.Event event, String path, int depth) {
    if (depth > MAX_DEPTH) {
      throw malformed("nests deeper than " + MAX_DEPTH + " levels");
    }
    switch (event) {
      case START_OBJECT -> {
        var object = Jsons.createObjectBuilder();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_OBJECT; next = parser.next()) {
          String key = parser.getString();
          String at = path.isEmpty() ? key : path + "." + key;
          if (!keys.add(key)) {
            throw new ProblemException(
                Problem.invalid(
                    TYPE, "Malformed request", List.of(new FieldError(printable(at), "appears more than once in the object"))));
          }
          object.add(key, read(parser, parser.next(), at, depth + 1));
        }
        return object.build();
      }
      case START_ARRAY -> {
        var array = Jsons.createArrayBuilder();
        int i = 0;
        for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_ARRAY; next = parser.next()) {
          array.add(read(parser, next, path + "[" + i++ + "]", depth + 1));
        }
        return array.build();
      }
      default -> {
        return parser.getValue();
      }
    }
  }

  /** A key as it may appear in a problem: control characters shown as '?', at most 100 characters. */
  public static String printable(String key) {
    String shown = key.codePoints()
        .map(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    return shown.length() > 100 ? shown.substring(0, 100) + "..." : shown;
  }

  private static byte[] readLimited(InputStream body) {
    if (body == null) {
      return new byte[0];
    }
    try {
      byte[] bytes = body.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new ProblemException(
            Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "The body must be at most " + MAX_BYTES + " bytes."));
      }
      return bytes;
    } catch (IOException e) {
      throw malformed("could not be read");
    }
  }

  private static ProblemException malformed(String message) {
    return new ProblemException(Problem.invalid(TYPE, "Malformed request", List.of(new FieldError("body", message))));
  }
}
