package dev.taskflow.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The broker is closed: every listener is TLS with SCRAM-SHA-512 logins, Kafka's ACL authorizer is
 * on, each client is a KafkaUser with exactly its least-privilege ACLs, and the app logs in as its
 * user over TLS, trusting Strimzi's cluster CA.
 */
class KafkaSecurityManifestTest {

  static final String APP_USER = "taskflow";
  static final String DESKTOP_USER = "taskflow-desktop";
  /** Rights no client of ours needs: destroying or reconfiguring things, or anything cluster-wide. */
  static final Set<String> FORBIDDEN_OPERATIONS = Set.of("Delete", "Alter", "AlterConfigs", "All", "ClusterAction");

  static JsonNode kafka(List<JsonNode> docs) {
    return Manifests.one(docs, "Kafka");
  }

  static String clusterName(List<JsonNode> docs) {
    return kafka(docs).path("metadata").path("name").asString();
  }

  static JsonNode user(List<JsonNode> docs, String name) {
    return Manifests.ofKind(docs, "KafkaUser").stream()
        .filter(u -> u.path("metadata").path("name").asString().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no KafkaUser " + name));
  }

  /** One ACL entry per operation: {@code allow topic literal task-events Read}. */
  static Set<String> acls(JsonNode user) {
    Set<String> entries = new TreeSet<>();
    for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
      JsonNode resource = acl.path("resource");
      for (JsonNode operation : acl.path("operations")) {
        entries.add(acl.path("type").asString("allow") + " " + resource.path("type").asString() + " "
            + resource.path("patternType").asString("literal") + " " + resource.path("name").asString("") + " "
            + operation.asString());
      }
    }
    return entries;
  }

  static Set<String> grant(String resourceType, String patternType, String name, String... operations) {
    Set<String> entries = new TreeSet<>();
    for (String operation : operations) {
      entries.add("allow " + resourceType + " " + patternType + " " + name + " " + operation);
    }
    return entries;
  }

  /** What makes an ACL list too broad, whoever it is for. */
  static List<String> aclProblems(JsonNode user) {
    List<String> problems = new ArrayList<>();
    String who = Manifests.describe(user);
    if (!"simple".equals(user.path("spec").path("authorization").path("type").asString())) {
      problems.add(who + ": authorization is not simple (ACLs)");
    }
    for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
      JsonNode resource = acl.path("resource");
      String type = resource.path("type").asString();
      String name = resource.path("name").asString("");
      if (acl.has("host") && !"*".equals(acl.path("host").asString())) {
        problems.add(who + ": host-limited ACL on " + type + " " + name + " (pod addresses change)");
      }
      if ("cluster".equals(type)) {
        problems.add(who + ": ACL on the cluster");
      }
      if ("transactionalId".equals(type)) {
        problems.add(who + ": ACL on transactional ids (no client of ours uses transactions)");
      }
      if (name.isEmpty() || name.contains("*")) {
        problems.add(who + ": ACL on every " + type + " ('" + name + "')");
      }
      if ("prefix".equals(resource.path("patternType").asString("literal")) && !"group".equals(type)) {
        problems.add(who + ": prefix ACL on " + type + " " + name);
      }
      for (JsonNode operation : acl.path("operations")) {
        // Delete is allowed on consumer groups only: a desktop window removes its own group on exit.
        boolean ownGroupCleanup = "Delete".equals(operation.asString()) && "group".equals(type);
        if (FORBIDDEN_OPERATIONS.contains(operation.asString()) && !ownGroupCleanup) {
          problems.add(who + ": " + operation.asString() + " on " + type + " " + name);
        }
      }
    }
    return problems;
  }

  /** The app's {@code spec.env} entries by name (each name at most once). */
  static Map<String, JsonNode> appEnv(List<JsonNode> docs) {
    Map<String, JsonNode> env = new TreeMap<>();
    for (JsonNode entry : ManifestConsistencyTest.app(docs).path("spec").path("env")) {
      assertThat(env.put(entry.path("name").asString(), entry)).as("env " + entry.path("name").asString() + " set twice")
          .isNull();
    }
    return env;
  }

  static void assertFromSecret(JsonNode entry, String secret, String key) {
    JsonNode ref = entry.path("valueFrom").path("secretKeyRef");
    assertThat(entry.has("value")).as(entry.path("name").asString() + " has no literal value").isFalse();
    assertThat(ref.path("name").asString()).as(entry.path("name").asString() + " Secret").isEqualTo(secret);
    assertThat(ref.path("key").asString()).as(entry.path("name").asString() + " key").isEqualTo(key);
    assertThat(ref.path("optional").asBoolean(false)).as(entry.path("name").asString() + " optional").isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void everyListenerIsTlsWithScramLoginsAndTheAuthorizerIsOn(String overlay) {
    JsonNode kafka = kafka(Manifests.render(overlay)).path("spec");
    JsonNode listeners = kafka.path("kafka").path("listeners");
    assertThat(listeners.size()).isPositive();
    for (JsonNode listener : listeners) {
      String name = listener.path("name").asString();
      assertThat(listener.path("tls").asBoolean(false)).as("listener " + name + " tls").isTrue();
      assertThat(listener.path("authentication").path("type").asString()).as("listener " + name + " authentication")
          .isEqualTo("scram-sha-512");
      assertThat(listener.path("port").asInt()).as("listener " + name + " port").isNotEqualTo(9092);
    }
    JsonNode authorization = kafka.path("kafka").path("authorization");
    assertThat(authorization.path("type").asString()).isEqualTo("simple");
    assertThat(authorization.path("superUsers").size()).as("super users").isZero();
    assertThat(kafka.path("entityOperator").path("userOperator").isObject()).as("User Operator").isTrue();
    assertThat(kafka.path("entityOperator").path("userOperator").path("resources").path("limits").path("memory")
        .isMissingNode()).as("User Operator memory limit").isFalse();
    assertThat(kafka.path("entityOperator").path("userOperator").has("secretPrefix"))
        .as("user Secrets are named exactly after their KafkaUsers").isFalse();
    assertThat(kafka.path("entityOperator").path("topicOperator").isObject()).as("Topic Operator").isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void eachClientIsAKafkaUserWithExactlyItsAcls(String overlay) {
    List<JsonNode> docs = Manifests.render(overlay);
    Map<String, String> env = ManifestConsistencyTest.environment(docs);
    List<String> names = Manifests.ofKind(docs, "KafkaUser").stream().map(u -> u.path("metadata").path("name").asString())
        .toList();
    assertThat(names).containsExactlyInAnyOrder(APP_USER, DESKTOP_USER);
    for (JsonNode user : Manifests.ofKind(docs, "KafkaUser")) {
      assertThat(user.path("metadata").path("labels").path("strimzi.io/cluster").asString())
          .as(Manifests.describe(user) + " cluster").isEqualTo(clusterName(docs));
      assertThat(user.path("metadata").path("namespace").asString()).as(Manifests.describe(user) + " namespace")
          .isEqualTo(kafka(docs).path("metadata").path("namespace").asString());
      assertThat(user.path("spec").path("authentication").path("type").asString())
          .as(Manifests.describe(user) + " authentication").isEqualTo("scram-sha-512");
      assertThat(user.path("spec").path("authentication").has("password"))
          .as(Manifests.describe(user) + ": the User Operator generates the password").isFalse();
    }

    Set<String> app = new TreeSet<>();
    for (String topic : List.of(env.get("TASKFLOW_TOPIC_EVENTS"), env.get("TASKFLOW_TOPIC_REMINDERS"),
        env.get("TASKFLOW_TOPIC_RECURRENCE"))) {
      app.addAll(grant("topic", "literal", topic, "Describe", "Read", "Write", "Create", "DescribeConfigs"));
    }
    app.addAll(grant("group", "literal", ServerFacts.recurrenceConsumerGroup(), "Read", "Describe"));
    assertThat(acls(user(docs, APP_USER))).containsExactlyInAnyOrderElementsOf(app);

    Set<String> desktop = new TreeSet<>(grant("topic", "literal", env.get("TASKFLOW_TOPIC_REMINDERS"), "Read", "Describe"));
    desktop.addAll(grant("topic", "literal", env.get("TASKFLOW_TOPIC_EVENTS"), "Read", "Describe"));
    desktop.addAll(grant("group", "prefix", ServerFacts.desktopConsumerGroupPrefix(), "Read", "Describe", "Delete"));
    assertThat(acls(user(docs, DESKTOP_USER))).containsExactlyInAnyOrderElementsOf(desktop);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void noUserMayDeleteAlterOrActOnEverything(String overlay) {
    for (JsonNode user : Manifests.ofKind(Manifests.render(overlay), "KafkaUser")) {
      assertThat(aclProblems(user)).isEmpty();
    }
  }

  @Test
  void theAclCheckRejectsBroadRights() {
    JsonNode greedy = Manifests.parse("""
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaUser
        metadata: {name: greedy, labels: {strimzi.io/cluster: taskflow-kafka}}
        spec:
          authentication: {type: scram-sha-512}
          authorization:
            type: simple
            acls:
              - resource: {type: topic, name: "*", patternType: literal}
                operations: [Read]
              - resource: {type: topic, name: task-events, patternType: literal}
                operations: [Delete, Alter]
              - resource: {type: topic, name: task-, patternType: prefix}
                operations: [All]
              - resource: {type: cluster}
                operations: [IdempotentWrite]
        """).get(0);
    assertThat(aclProblems(greedy))
        .anyMatch(p -> p.contains("every topic"))
        .anyMatch(p -> p.contains("Delete on topic task-events"))
        .anyMatch(p -> p.contains("Alter on topic task-events"))
        .anyMatch(p -> p.contains("All on topic task-"))
        .anyMatch(p -> p.contains("prefix ACL on topic"))
        .anyMatch(p -> p.contains("ACL on the cluster"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void theAppLogsInAsItsKafkaUserOverTlsTrustingTheClusterCa(String overlay) {
    List<JsonNode> docs = Manifests.render(overlay);
    JsonNode spec = ManifestConsistencyTest.app(docs).path("spec");
    Map<String, JsonNode> env = appEnv(docs);
    JsonNode listener = ManifestConsistencyTest.appListener(docs);
    String caSecret = clusterName(docs) + "-cluster-ca-cert";

    assertThat(env.get("KAFKA_SECURITY_PROTOCOL").path("value").asString())
        .isEqualTo(listener.path("tls").asBoolean() ? "SASL_SSL" : "SASL_PLAINTEXT").isEqualTo("SASL_SSL");
    assertThat(env.get("KAFKA_SASL_MECHANISM").path("value").asString())
        .isEqualTo(listener.path("authentication").path("type").asString().toUpperCase(java.util.Locale.ROOT));
    // The login: the Secret Strimzi's User Operator makes for the app's KafkaUser.
    assertFromSecret(env.get("KAFKA_SASL_JAAS_CONFIG"), user(docs, APP_USER).path("metadata").path("name").asString(),
        "sasl.jaas.config");
    // Trust: the cluster CA, as a PKCS12 store mounted from Strimzi's Secret.
    assertThat(env.get("KAFKA_SSL_TRUSTSTORE_TYPE").path("value").asString()).isEqualTo("PKCS12");
    assertFromSecret(env.get("KAFKA_SSL_TRUSTSTORE_PASSWORD"), caSecret, "ca.password");
    String mountedStore = null;
    for (JsonNode volume : spec.path("volumes")) {
      if (!caSecret.equals(volume.path("secret").path("secretName").asString())) {
        continue;
      }
      String path = "ca.p12";
      for (JsonNode item : volume.path("secret").path("items")) {
        if (item.path("key").asString().equals("ca.p12")) {
          path = item.path("path").asString();
        }
      }
      for (JsonNode mount : spec.path("volumeMounts")) {
        if (mount.path("name").asString().equals(volume.path("name").asString())) {
          assertThat(mount.path("readOnly").asBoolean(false)).as("CA mount read-only").isTrue();
          assertThat(mount.has("subPath")).as("a subPath mount would miss CA renewals").isFalse();
          mountedStore = mount.path("mountPath").asString().replaceAll("/$", "") + "/" + path;
        }
      }
    }
    assertThat(mountedStore).as("the Secret " + caSecret + " is mounted").isNotNull();
    assertThat(env.get("KAFKA_SSL_TRUSTSTORE_LOCATION").path("value").asString()).isEqualTo(mountedStore);
    // Host names stay verified, and nothing else can inject or override Kafka settings.
    assertThat(env).doesNotContainKey("KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM");
    assertThat(ManifestConsistencyTest.environment(docs)).doesNotContainKey("KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM");
    for (JsonNode from : spec.path("envFrom")) {
      assertThat(from.has("secretRef")).as("envFrom " + from).isFalse();
    }
    for (String name : ServerFacts.kafkaPassThrough()) {
      String variable = ServerFacts.envName("kafka." + name);
      if (!variable.equals("KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM")) {
        assertThat(env).as("set next to its Secret in the app's env").containsKey(variable);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void onlyTheAppReachesTheListenerAndOnlyOnItsPort(String overlay) {
    List<JsonNode> docs = Manifests.render(overlay);
    JsonNode listener = ManifestConsistencyTest.appListener(docs);
    Map<String, String> appPods = Map.of("app.kubernetes.io/instance",
        ManifestConsistencyTest.app(docs).path("metadata").path("name").asString(),
        "app.kubernetes.io/managed-by", "open-liberty-operator");
    // Strimzi's own policy for the listener.
    assertThat(listener.path("networkPolicyPeers").size()).isPositive();
    for (JsonNode peer : listener.path("networkPolicyPeers")) {
      Map<String, String> labels = new HashMap<>();
      peer.path("podSelector").path("matchLabels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
      assertThat(labels).as("listener peer").isEqualTo(appPods);
      assertThat(peer.has("ipBlock") || peer.has("namespaceSelector")).as("listener peer").isFalse();
    }
    // Ours: the rule that admits the app names exactly the listener's port.
    JsonNode policy = Manifests.ofKind(docs, "NetworkPolicy").stream()
        .filter(p -> p.path("spec").path("podSelector").path("matchLabels").has("strimzi.io/cluster")).findFirst()
        .orElseThrow();
    List<Integer> appPorts = new ArrayList<>();
    for (JsonNode rule : policy.path("spec").path("ingress")) {
      for (JsonNode from : rule.path("from")) {
        Map<String, String> labels = new HashMap<>();
        from.path("podSelector").path("matchLabels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
        if (labels.equals(appPods)) {
          assertThat(rule.path("ports").size()).as("the app's rule names its ports").isPositive();
          rule.path("ports").forEach(port -> appPorts.add(port.path("port").asInt()));
        }
      }
    }
    assertThat(appPorts).containsExactly(listener.path("port").asInt());
  }
}
