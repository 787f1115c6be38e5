package dev.taskflow.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Every rendered document validates against the strict draft-07 schemas in {@code k8s/schemas/}
 * (the operators' CRDs and the core kinds; see its README for sources), and a kind without a
 * schema is an error, not a pass.
 */
class ManifestSchemaTest {

  static final Path SCHEMAS = Manifests.K8S.resolve("schemas");
  static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
  static final Map<Path, Schema> LOADED = new ConcurrentHashMap<>();

  /** {@code kafka.strimzi.io/v1} + {@code Kafka} → {@code kafka.strimzi.io_v1_kafka.json}; core → {@code core_}. */
  static Path schemaFile(JsonNode doc) {
    String apiVersion = doc.path("apiVersion").asString();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "core";
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    return SCHEMAS.resolve((group + "_" + version + "_" + doc.path("kind").asString()).toLowerCase(Locale.ROOT)
        + ".json");
  }

  static List<String> problems(JsonNode doc) {
    Path file = schemaFile(doc);
    if (!Files.isRegularFile(file)) {
      return List.of(Manifests.describe(doc) + ": no schema " + file.getFileName() + " to validate it");
    }
    Schema schema = LOADED.computeIfAbsent(file, path -> {
      try (InputStream in = Files.newInputStream(path)) {
        return REGISTRY.getSchema(in);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
    List<String> problems = new ArrayList<>();
    for (Error error : schema.validate(doc)) {
      problems.add(Manifests.describe(doc) + ": " + error.getInstanceLocation() + " " + error.getMessage());
    }
    return problems;
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyRenderedDocumentMatchesItsSchema(String overlay) {
    List<JsonNode> docs = Manifests.render(overlay);
    assertThat(docs).hasSizeGreaterThanOrEqualTo(10);
    List<String> problems = new ArrayList<>();
    docs.forEach(doc -> problems.addAll(problems(doc)));
    assertThat(problems).isEmpty();
  }

  @Test
  void theValidatorRejectsWhatTheApiServerWould() {
    JsonNode typo = Manifests.parse("""
        apiVersion: apps.openliberty.io/v1
        kind: OpenLibertyApplication
        metadata:
          name: x
          lables: {a: b}
        spec:
          applicationImage: img
          replicas: "two"
          probes:
            readiness:
              httpGet: {path: /health/ready, port: 9080}
              periodSecond: 10
        """).get(0);
    assertThat(problems(typo)).hasSizeGreaterThanOrEqualTo(3)
        .anyMatch(p -> p.contains("lables")).anyMatch(p -> p.contains("replicas"))
        .anyMatch(p -> p.contains("periodSecond"));

    JsonNode unknownKind = Manifests.parse("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n").get(0);
    assertThat(problems(unknownKind)).singleElement().asString().contains("no schema core_v1_pod.json");

    JsonNode badTopic = Manifests.parse("""
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaTopic
        metadata: {name: t}
        spec: {partitions: 0, replicas: 1, retention: 7d}
        """).get(0);
    assertThat(problems(badTopic)).anyMatch(p -> p.contains("retention"));
  }
}
