package dev.taskflow.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonMergePatch;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.Reader;

/**
 * The JSON-P factory methods of {@link jakarta.json.Json}, on one provider looked up once.
 *
 * <p>{@code Json.createObjectBuilder()} and its siblings look the provider up on every call, and
 * the lookup first asks whether it runs under OSGi by loading an OSGi class by name: in Liberty's
 * application class loader that fails with a {@code ClassNotFoundException}, whose stack trace
 * (a hundred frames deep) is filled in every time. A page of 50 tasks built 100 of them; under
 * the benchmark's mixed load the server threw 7,000 to 9,000 exceptions a second (JFR's exception
 * statistics, docs/PERFORMANCE.md).
 */
public final class Jsons {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsons() {}

  public static JsonObjectBuilder createObjectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonObjectBuilder createObjectBuilder(JsonObject object) {
    return PROVIDER.createObjectBuilder(object);
  }

  public static JsonArrayBuilder createArrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonReader createReader(Reader reader) {
    return PROVIDER.createReader(reader);
  }

  public static JsonParser createParser(Reader reader) {
    return PROVIDER.createParser(reader);
  }

  public static JsonString createValue(String value) {
    return PROVIDER.createValue(value);
  }

  public static JsonMergePatch createMergePatch(JsonValue patch) {
    return PROVIDER.createMergePatch(patch);
  }
}
