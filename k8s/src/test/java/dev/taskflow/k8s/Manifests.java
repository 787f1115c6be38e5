package dev.taskflow.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The rendered overlays: {@code kubectl kustomize k8s/overlays/<name>}, split into documents. */
final class Manifests {

  static final Path ROOT = Path.of(System.getProperty("taskflow.root", "..")).toAbsolutePath().normalize();
  static final Path K8S = ROOT.resolve("k8s");
  static final List<String> OVERLAYS = List.of("dev", "prod");
  static final YAMLMapper YAML = YAMLMapper.builder().build();

  private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

  private Manifests() {}

  static List<JsonNode> render(String overlay) {
    return RENDERED.computeIfAbsent(overlay, name -> parse(kustomize(K8S.resolve("overlays").resolve(name))));
  }

  static List<JsonNode> parse(String yaml) {
    List<JsonNode> docs = new ArrayList<>();
    for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
      if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
        docs.add(doc);
      }
    }
    return docs;
  }

  private static String kustomize(Path dir) {
    String kubectl = System.getProperty("taskflow.kubectl", "kubectl");
    try {
      Process process = new ProcessBuilder(kubectl, "kustomize", dir.toString()).redirectErrorStream(false).start();
      byte[] out;
      byte[] err;
      try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
        out = stdout.readAllBytes();
        err = stderr.readAllBytes();
      }
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + new String(err, StandardCharsets.UTF_8));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run '" + kubectl + "' (./taskflow test installs it; or set -Dtaskflow.kubectl)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
    return docs.stream().filter(d -> kind.equals(d.path("kind").asString())).toList();
  }

  static JsonNode one(List<JsonNode> docs, String kind) {
    List<JsonNode> found = ofKind(docs, kind);
    if (found.size() != 1) {
      throw new AssertionError("expected exactly one " + kind + ", found " + found.size());
    }
    return found.get(0);
  }

  static String describe(JsonNode doc) {
    return doc.path("apiVersion").asString() + " " + doc.path("kind").asString() + " "
        + doc.path("metadata").path("name").asString();
  }
}
