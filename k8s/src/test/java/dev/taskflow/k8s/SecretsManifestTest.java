package dev.taskflow.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Prod ships no placeholder credentials: it renders no Secret holding one, every Secret it
 * references is either rendered or made by someone named here (the operator, as k8s/README.md
 * documents, or Strimzi), and the server runs with the production profile, which refuses the
 * default or a placeholder database password.
 */
class SecretsManifestTest {

  /** Who makes a Secret that the manifests reference but do not render. */
  enum Maker {
    /** Created by whoever deploys, before {@code kubectl apply}: k8s/README.md, "Secrets". */
    OPERATOR,
    /** Strimzi's User Operator, for the KafkaUser of the same name: SCRAM password + JAAS line. */
    STRIMZI_USER,
    /** Strimzi's cluster operator: {@code <cluster>-cluster-ca-cert}, the cluster CA's certificate. */
    STRIMZI_CLUSTER_CA
  }

  /** The documented allow-list of Secrets prod references without rendering them. */
  static final Map<String, Maker> NOT_RENDERED_IN_PROD = Map.of(
      "taskflow-db-credentials", Maker.OPERATOR,
      "taskflow-backup-s3", Maker.OPERATOR,
      "taskflow", Maker.STRIMZI_USER,
      "taskflow-kafka-cluster-ca-cert", Maker.STRIMZI_CLUSTER_CA);

  static final Map<Maker, Set<String>> KEYS_MADE = Map.of(
      Maker.STRIMZI_USER, Set.of("password", "sasl.jaas.config"),
      Maker.STRIMZI_CLUSTER_CA, Set.of("ca.crt", "ca.p12", "ca.password"));

  /** Obvious placeholders, and passwords anyone would try first (the server's default among them). */
  static final Pattern PLACEHOLDER = Pattern.compile(
      "(?i).*(change[-_ ]?me|placeholder|not[-_ ]a[-_ ]secret|replace[-_ ]?me|todo|fixme|example|xxxx|<[^>]*>).*");
  static final Set<String> WEAK = Set.of("", "password", "secret", "changeit", "admin", "postgres", "taskflow");

  /** A reference to a Secret: its name and the key read (null: the whole Secret). */
  record SecretRef(String from, String name, String key) {}

  static List<String> placeholderProblems(List<JsonNode> docs) {
    List<String> problems = new ArrayList<>();
    for (JsonNode secret : Manifests.ofKind(docs, "Secret")) {
      Map<String, String> values = new TreeMap<>();
      secret.path("data").properties().forEach(e -> values.put(e.getKey(),
          new String(Base64.getDecoder().decode(e.getValue().asString()), StandardCharsets.UTF_8)));
      secret.path("stringData").properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
      values.forEach((key, value) -> {
        boolean weak = !key.equals("username") && WEAK.contains(value.trim().toLowerCase(java.util.Locale.ROOT));
        if (PLACEHOLDER.matcher(value).matches() || weak) {
          problems.add(Manifests.describe(secret) + " " + key + " is a placeholder");
        }
      });
    }
    return problems;
  }

  /** Every Secret the rendered documents name, wherever our kinds name one. */
  static List<SecretRef> secretRefs(List<JsonNode> docs) {
    List<SecretRef> refs = new ArrayList<>();
    for (JsonNode doc : docs) {
      walk(Manifests.describe(doc), "", doc, refs);
    }
    return refs;
  }

  private static void walk(String doc, String field, JsonNode node, List<SecretRef> refs) {
    if (node.isArray()) {
      node.forEach(child -> walk(doc, field, child, refs));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    String at = doc + " " + field;
    switch (field) {
      // Pods: env[].valueFrom.secretKeyRef, envFrom[].secretRef, volumes[].secret.secretName.
      case "secretKeyRef" -> refs.add(new SecretRef(at, node.path("name").asString(), node.path("key").asString()));
      case "secretRef" -> refs.add(new SecretRef(at, node.path("name").asString(), null));
      // CloudNativePG: bootstrap.initdb.secret and managed.roles[].passwordSecret (basic-auth).
      case "secret", "passwordSecret" -> {
        if (node.has("secretName")) {
          if (node.path("items").isEmpty()) {
            refs.add(new SecretRef(at, node.path("secretName").asString(), null));
          }
          node.path("items").forEach(item ->
              refs.add(new SecretRef(at, node.path("secretName").asString(), item.path("key").asString())));
        } else if (node.has("name")) {
          refs.add(new SecretRef(at, node.path("name").asString(), "username"));
          refs.add(new SecretRef(at, node.path("name").asString(), "password"));
        }
      }
      // CloudNativePG backups: s3Credentials.{accessKeyId,secretAccessKey,region,sessionToken}.
      case "s3Credentials" -> node.properties().forEach(e ->
          refs.add(new SecretRef(at + "." + e.getKey(), e.getValue().path("name").asString(),
              e.getValue().path("key").asString())));
      default -> node.properties().forEach(e -> walk(doc, e.getKey(), e.getValue(), refs));
    }
  }

  static String readmeSecretsSection() {
    String readme = ServerFacts.read(Manifests.K8S.resolve("README.md"));
    int start = readme.indexOf("\n## Secrets");
    assertThat(start).as("k8s/README.md has a section \"Secrets\"").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  @Test
  void prodRendersNoSecretWithAPlaceholder() {
    List<JsonNode> docs = Manifests.render("prod");
    assertThat(placeholderProblems(docs)).isEmpty();
  }

  /** The check is real: it finds the dev overlay's placeholder password and made-up ones. */
  @Test
  void thePlaceholderCheckFindsPlaceholders() {
    assertThat(placeholderProblems(Manifests.render("dev")))
        .anyMatch(p -> p.contains("Secret taskflow-db-credentials") && p.endsWith("password is a placeholder"));
    List<JsonNode> made = Manifests.parse("""
        apiVersion: v1
        kind: Secret
        metadata: {name: s}
        data:
          ACCESS_SECRET_KEY: %s
          token: %s
          username: %s
        stringData:
          password: taskflow
          other: CHANGEME
        """.formatted(b64("CHANGE-ME-placeholder"), b64("kR9v2xQw8LmZ3pTa"), b64("taskflow")));
    assertThat(placeholderProblems(made)).containsExactlyInAnyOrder(
        "v1 Secret s ACCESS_SECRET_KEY is a placeholder", "v1 Secret s password is a placeholder",
        "v1 Secret s other is a placeholder");
  }

  @Test
  void everySecretProdReferencesIsRenderedOrMadeBySomeoneDocumented() {
    List<JsonNode> docs = Manifests.render("prod");
    Map<String, JsonNode> rendered = new TreeMap<>();
    Manifests.ofKind(docs, "Secret").forEach(s -> rendered.put(s.path("metadata").path("name").asString(), s));
    List<SecretRef> refs = secretRefs(docs);
    String readme = readmeSecretsSection();
    Set<String> used = new TreeSet<>();
    for (SecretRef ref : refs) {
      assertThat(ref.name()).as(ref.from()).isNotBlank();
      JsonNode secret = rendered.get(ref.name());
      if (secret != null) {
        if (ref.key() != null) {
          assertThat(secret.path("data").has(ref.key())).as(ref + ": key in the rendered Secret").isTrue();
        }
        continue;
      }
      Maker maker = NOT_RENDERED_IN_PROD.get(ref.name());
      assertThat(maker).as(ref + ": neither rendered nor on the allow-list").isNotNull();
      used.add(ref.name());
      switch (maker) {
        case OPERATOR -> {
          assertThat(readme).as(ref + ": k8s/README.md shows how to create it")
              .contains("create secret generic " + ref.name());
          if (ref.key() != null) {
            assertThat(readme).as(ref + ": k8s/README.md names the key").contains("--from-literal=" + ref.key() + "=");
          }
        }
        case STRIMZI_USER -> {
          assertThat(KafkaSecurityManifestTest.user(docs, ref.name())).isNotNull();
          assertThat(KEYS_MADE.get(maker)).as(ref + ": a key the User Operator writes").contains(ref.key());
          assertThat(readme).as("k8s/README.md names the Secret Strimzi makes").contains("`" + ref.name() + "`");
        }
        case STRIMZI_CLUSTER_CA -> {
          assertThat(ref.name()).isEqualTo(KafkaSecurityManifestTest.clusterName(docs) + "-cluster-ca-cert");
          if (ref.key() != null) {
            assertThat(KEYS_MADE.get(maker)).as(ref + ": a key Strimzi writes").contains(ref.key());
          }
          assertThat(readme).as("k8s/README.md names the Secret Strimzi makes").contains("`" + ref.name() + "`");
        }
        default -> throw new AssertionError(maker);
      }
    }
    // No stale entry: each one on the list is really referenced (and so checked above).
    assertThat(used).containsExactlyInAnyOrderElementsOf(NOT_RENDERED_IN_PROD.keySet());
  }

  /** The walker finds the references of every kind we use (or the test above would prove little). */
  @Test
  void theReferenceWalkerFindsEveryKindOfReference() {
    List<SecretRef> refs = secretRefs(Manifests.render("prod"));
    assertThat(refs).extracting(r -> r.from().substring(r.from().lastIndexOf(' ') + 1) + " " + r.name() + "/" + r.key())
        .contains(
            "secretKeyRef taskflow-db-credentials/password",
            "secretKeyRef taskflow/sasl.jaas.config",
            "secretKeyRef taskflow-kafka-cluster-ca-cert/ca.password",
            "secret taskflow-kafka-cluster-ca-cert/ca.p12",
            "secret taskflow-db-credentials/password",
            "passwordSecret taskflow-db-credentials/password",
            "s3Credentials.accessKeyId taskflow-backup-s3/ACCESS_KEY_ID",
            "s3Credentials.secretAccessKey taskflow-backup-s3/ACCESS_SECRET_KEY");
  }

  /**
   * Prod runs with the production profile (the server then refuses the default or a placeholder
   * database password); an overlay that ships a placeholder database password must not, or its
   * server would refuse to start.
   */
  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theProfileMatchesTheDatabasePassword(String overlay) {
    List<JsonNode> docs = Manifests.render(overlay);
    String profile = ManifestConsistencyTest.environment(docs).get("TASKFLOW_PROFILE");
    boolean placeholderPassword = placeholderProblems(docs).stream()
        .anyMatch(p -> p.contains("Secret taskflow-db-credentials") && p.endsWith(" password is a placeholder"));
    if (overlay.equals("prod")) {
      assertThat(profile).isEqualTo("production");
    }
    if (placeholderPassword) {
      assertThat(profile).as(overlay + " ships a placeholder database password").isNotEqualTo("production");
    } else {
      assertThat(profile).as(overlay + " renders no placeholder database password").isEqualTo("production");
    }
  }

  private static String b64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
