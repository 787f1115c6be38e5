package dev.taskflow.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The manifests agree with what the server really reads and serves, and with each other. */
class ManifestConsistencyTest {

  static JsonNode app(List<JsonNode> docs) {
    return Manifests.one(docs, "OpenLibertyApplication");
  }

  /** The environment the app's pods get: ConfigMap values (envFrom) and the explicit env entries. */
  static Map<String, String> environment(List<JsonNode> docs) {
    JsonNode spec = app(docs).path("spec");
    Map<String, String> env = new HashMap<>();
    for (JsonNode from : spec.path("envFrom")) {
      String configMap = from.path("configMapRef").path("name").asString("");
      if (!configMap.isEmpty()) {
        JsonNode map = Manifests.ofKind(docs, "ConfigMap").stream()
            .filter(m -> m.path("metadata").path("name").asString().equals(configMap)).findFirst()
            .orElseThrow(() -> new AssertionError("envFrom names a ConfigMap that is not rendered: " + configMap));
        map.path("data").properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
      }
    }
    for (JsonNode entry : spec.path("env")) {
      env.put(entry.path("name").asString(), entry.has("value") ? entry.path("value").asString() : "<from secret>");
    }
    return env;
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void probesUseTheMicroProfileHealthEndpointsOnTheServersPort(String overlay) {
    List<JsonNode> docs = Manifests.render(overlay);
    JsonNode spec = app(docs).path("spec");
    int port = Integer.parseInt(environment(docs).getOrDefault("HTTP_PORT", ServerFacts.variableDefault("http.port")));
    assertThat(ServerFacts.features()).contains("mpHealth-4.0");
    Map<String, String> expected = Map.of("startup", "/health/started", "readiness", "/health/ready",
        "liveness", "/health/live");
    expected.forEach((probe, path) -> {
      JsonNode get = spec.path("probes").path(probe).path("httpGet");
      assertThat(get.path("path").asString()).as(probe).isEqualTo(path);
      assertThat(get.path("port").asInt()).as(probe).isEqualTo(port);
    });
    assertThat(spec.path("service").path("targetPort").asInt()).isEqualTo(port);
  }

  /**
   * The startup probe waits for the warm-up (the server reports started only when warm): its
   * budget covers the longest warm-up plus a minute to start, or a slow node is killed in a loop.
   */
  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theStartupProbeAllowsForTheStartAndTheLongestWarmup(String overlay) {
    List<JsonNode> docs = Manifests.render(overlay);
    JsonNode startup = app(docs).path("spec").path("probes").path("startup");
    long budget = (long) startup.path("periodSeconds").asInt(10) * startup.path("failureThreshold").asInt(3);
    String maxWarmup = environment(docs).getOrDefault("TASKFLOW_WARMUP_MAX_DURATION",
        ServerFacts.configDefault("taskflow.warmup.max-duration"));
    assertThat(budget).as("startup probe budget, s").isGreaterThanOrEqualTo(
        java.time.Duration.parse(maxWarmup).toSeconds() + 60);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyVariableSetIsOneTheServerReadsAndTheEssentialOnesAreSet(String overlay) {
    Map<String, String> env = environment(Manifests.render(overlay));
    Set<String> read = new TreeSet<>(ServerFacts.environmentNames());
    read.addAll(ServerFacts.SET_AHEAD_OF_THE_SERVER.keySet());
    assertThat(read).contains("DB_HOST", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SECURITY_PROTOCOL",
        "TASKFLOW_TOPIC_EVENTS", "TASKFLOW_TOPICS_PARTITIONS", "MP_JWT_VERIFY_ISSUER");
    assertThat(new TreeSet<>(env.keySet())).allSatisfy(name -> assertThat(read).as("read by the server").contains(name));
    assertThat(env).containsKeys("DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
        "MP_JWT_VERIFY_ISSUER", "TASKFLOW_TOPIC_EVENTS", "TASKFLOW_TOPIC_REMINDERS", "TASKFLOW_TOPIC_RECURRENCE",
        "TASKFLOW_TOPICS_PARTITIONS", "TASKFLOW_TOPICS_REPLICATION_FACTOR");
    assertThat(env).containsAnyOf(Map.entry("MP_JWT_VERIFY_PUBLICKEY_LOCATION",
        env.getOrDefault("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "")), Map.entry("MP_JWT_VERIFY_PUBLICKEY",
        env.getOrDefault("MP_JWT_VERIFY_PUBLICKEY", "")));
    assertThat(env.get("DB_USER")).isEqualTo("<from secret>");
    assertThat(env.get("DB_PASSWORD")).isEqualTo("<from secret>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theAppPointsAtTheDatabaseAndBrokerTheOperatorsRun(String overlay) {
    List<JsonNode> docs = Manifests.render(overlay);
    Map<String, String> env = environment(docs);
    String cluster = Manifests.one(docs, "Cluster").path("metadata").path("name").asString();
    assertThat(env.get("DB_HOST")).isEqualTo(cluster + "-rw");
    JsonNode kafka = Manifests.one(docs, "Kafka");
    JsonNode listener = appListener(docs);
    assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS"))
        .isEqualTo(kafka.path("metadata").path("name").asString() + "-kafka-bootstrap:" + listener.path("port").asInt());
    assertThat(listener.path("type").asString()).isEqualTo("internal");
  }

  /** The Kafka listener whose port KAFKA_BOOTSTRAP_SERVERS names. */
  static JsonNode appListener(List<JsonNode> docs) {
    String bootstrap = environment(docs).get("KAFKA_BOOTSTRAP_SERVERS");
    int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
    List<JsonNode> found = new java.util.ArrayList<>();
    Manifests.one(docs, "Kafka").path("spec").path("kafka").path("listeners").forEach(l -> {
      if (l.path("port").asInt() == port) {
        found.add(l);
      }
    });
    assertThat(found).as("listeners on the bootstrap port " + port).hasSize(1);
    return found.get(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void topicsAreTheOnesTheAppUsesWithTheSameShape(String overlay) {
    List<JsonNode> docs = Manifests.render(overlay);
    Map<String, String> env = environment(docs);
    List<JsonNode> topics = Manifests.ofKind(docs, "KafkaTopic");
    Set<String> names = new TreeSet<>();
    int brokers = 0;
    for (JsonNode pool : Manifests.ofKind(docs, "KafkaNodePool")) {
      if (pool.path("spec").path("roles").toString().contains("broker")) {
        brokers += pool.path("spec").path("replicas").asInt();
      }
    }
    for (JsonNode topic : topics) {
      names.add(topic.path("spec").path("topicName").asString(topic.path("metadata").path("name").asString()));
      assertThat(topic.path("spec").path("partitions").asString())
          .isEqualTo(env.get("TASKFLOW_TOPICS_PARTITIONS"));
      assertThat(topic.path("spec").path("replicas").asString())
          .isEqualTo(env.get("TASKFLOW_TOPICS_REPLICATION_FACTOR"));
      assertThat(topic.path("spec").path("replicas").asInt()).isBetween(1, brokers);
      assertThat(topic.path("spec").path("config").path("retention.ms").asLong()).isPositive();
      assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asString())
          .isEqualTo(Manifests.one(docs, "Kafka").path("metadata").path("name").asString());
    }
    assertThat(names).containsExactlyInAnyOrder(env.get("TASKFLOW_TOPIC_EVENTS"), env.get("TASKFLOW_TOPIC_REMINDERS"),
        env.get("TASKFLOW_TOPIC_RECURRENCE"));
    int minIsr = Manifests.one(docs, "Kafka").path("spec").path("kafka").path("config").path("min.insync.replicas")
        .asInt(1);
    assertThat(minIsr).isLessThanOrEqualTo(Integer.parseInt(env.get("TASKFLOW_TOPICS_REPLICATION_FACTOR")));
  }

  /**
   * No real secret is committed: a Secret the repository renders holds placeholders only. Together
   * with {@link SecretsManifestTest} (prod renders no Secret with a placeholder), prod renders no
   * Secret values at all: its Secrets come from the operator and from Strimzi.
   */
  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void secretsHoldPlaceholdersOnly(String overlay) {
    for (JsonNode secret : Manifests.ofKind(Manifests.render(overlay), "Secret")) {
      secret.path("data").properties().forEach(entry -> {
        String value = new String(Base64.getDecoder().decode(entry.getValue().asString()), StandardCharsets.UTF_8);
        if (!entry.getKey().equals("username")) {
          assertThat(value).as(Manifests.describe(secret) + " " + entry.getKey()).containsIgnoringCase("placeholder");
        }
      });
      assertThat(secret.path("stringData").isMissingNode()).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void onlyTheAppReachesTheDatabaseAndTheBroker(String overlay) {
    List<JsonNode> docs = Manifests.render(overlay);
    Map<String, String> appPodLabels = Map.of("app.kubernetes.io/instance", app(docs).path("metadata").path("name")
        .asString(), "app.kubernetes.io/managed-by", "open-liberty-operator");
    Map<String, Integer> guarded = Map.of("cnpg.io/cluster", 5432, "strimzi.io/cluster",
        appListener(docs).path("port").asInt());
    guarded.forEach((label, port) -> {
      JsonNode policy = Manifests.ofKind(docs, "NetworkPolicy").stream()
          .filter(p -> p.path("spec").path("podSelector").path("matchLabels").has(label)).findFirst()
          .orElseThrow(() -> new AssertionError("no NetworkPolicy guards the pods labelled " + label));
      assertThat(policy.path("spec").path("policyTypes").toString()).contains("Ingress");
      boolean appAdmitted = false;
      for (JsonNode rule : policy.path("spec").path("ingress")) {
        for (JsonNode from : rule.path("from")) {
          Map<String, String> selector = new HashMap<>();
          from.path("podSelector").path("matchLabels").properties()
              .forEach(e -> selector.put(e.getKey(), e.getValue().asString()));
          boolean admitsApp = !selector.isEmpty() && appPodLabels.entrySet().containsAll(selector.entrySet());
          if (admitsApp) {
            appAdmitted = rule.path("ports").toString().contains(String.valueOf(port));
          }
          assertThat(from.has("ipBlock")).as("no address ranges in " + Manifests.describe(policy)).isFalse();
          assertThat(selector.isEmpty() && !from.has("namespaceSelector")).as("no open rule").isFalse();
        }
      }
      assertThat(appAdmitted).as(Manifests.describe(policy) + " admits the app on " + port).isTrue();
    });
  }

  @Test
  void prodIsHighlyAvailable() {
    List<JsonNode> docs = Manifests.render("prod");
    JsonNode spec = app(docs).path("spec");
    assertThat(spec.path("autoscaling").path("minReplicas").asInt(spec.path("replicas").asInt(1))).isGreaterThanOrEqualTo(2);
    JsonNode pdb = Manifests.ofKind(docs, "PodDisruptionBudget").stream()
        .filter(p -> p.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/instance").asString()
            .equals(app(docs).path("metadata").path("name").asString())).findFirst().orElseThrow();
    assertThat(pdb.path("spec").path("maxUnavailable").asInt()).isEqualTo(1);
    assertThat(Manifests.one(docs, "Cluster").path("spec").path("instances").asInt()).isEqualTo(3);
    int brokers = Manifests.ofKind(docs, "KafkaNodePool").stream().mapToInt(p -> p.path("spec").path("replicas").asInt())
        .sum();
    assertThat(brokers).isGreaterThanOrEqualTo(3);
    assertThat(Manifests.one(docs, "Kafka").path("spec").path("kafka").path("config").path("min.insync.replicas")
        .asInt()).isEqualTo(2);
    assertThat(Manifests.one(docs, "Cluster").path("spec").path("backup").isMissingNode()).isFalse();
  }

  @Test
  void theImageIsBuiltFromTheSameLibertyConfiguration() {
    String containerfile = ServerFacts.read(Manifests.K8S.resolve("Containerfile"));
    assertThat(containerfile).containsPattern("(?m)^FROM icr\\.io/appcafe/open-liberty:"
        + java.util.regex.Pattern.quote(ServerFacts.openLibertyVersion()) + "-kernel-slim-java17");
    assertThat(containerfile).contains("liberty-config/server.xml", "RUN features.sh", "RUN configure.sh",
        "/config/apps/" + ServerFacts.applicationLocation(), "/config/" + ServerFacts.jdbcLibraryDir() + "/");
  }
}
