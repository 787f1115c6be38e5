package dev.taskflow.desktop.live;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Consumes {@code task-reminders} and {@code task-events} on its own thread, in a consumer group of
 * its own (one per client instance, so every open window sees every event), starting at the latest
 * offset. Keeps only the signed-in user's events, drops duplicates by CloudEvents id, and reports
 * whether the broker is reachable. The Kafka client reconnects by itself; this class only watches.
 *
 * <p>It connects with the client properties it is given (bootstrap servers, security protocol,
 * SASL, truststore: the desktop's own credentials, checked by
 * {@link dev.taskflow.desktop.config.KafkaClientSettings}) and sets its own consumer settings over
 * them. Its group and client id are {@code taskflow-desktop-<random UUID>}: the broker, and
 * whoever may list its groups, learn nothing about who is signed in. Status texts name the
 * bootstrap servers only; messages that could quote the JAAS config or a password are redacted.
 */
public final class KafkaLiveEvents implements LiveEvents {

  public static final String REMINDERS_TOPIC = "task-reminders";
  public static final String EVENTS_TOPIC = "task-events";

  private static final Logger LOG = Logger.getLogger(KafkaLiveEvents.class.getName());
  private static final Duration POLL = Duration.ofMillis(500);
  private static final int REMEMBERED_IDS = 10_000;

  private final Properties client;
  private final String servers;
  private final String groupId;
  private final EventParser parser;
  private final Map<String, Boolean> seen = new LinkedHashMap<>(256, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > REMEMBERED_IDS;
    }
  };

  private volatile boolean running;
  private volatile KafkaConsumer<String, String> consumer;
  private Thread thread;

  /**
   * @param clientProperties how to reach and authenticate to the broker, as Kafka's tools take with
   *     {@code --command-config}; copied, must name {@code bootstrap.servers}
   * @param userId the signed-in user: only their events are delivered (never part of a Kafka name)
   */
  public KafkaLiveEvents(Properties clientProperties, String userId) {
    this.client = new Properties();
    for (String key : clientProperties.stringPropertyNames()) {
      client.setProperty(key, clientProperties.getProperty(key));
    }
    String bootstrap = client.getProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    if (bootstrap == null || bootstrap.isBlank()) {
      throw new IllegalArgumentException("The Kafka client properties have no bootstrap.servers");
    }
    this.servers = bootstrap.strip();
    this.groupId = "taskflow-desktop-" + UUID.randomUUID();
    this.parser = new EventParser(userId);
  }

  public String groupId() {
    return groupId;
  }

  @Override
  public synchronized void start(Listener listener) {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    running = true;
    thread = new Thread(() -> consume(listener), "taskflow-live-events");
    thread.setDaemon(true);
    thread.start();
  }

  private void consume(Listener listener) {
    listener.onStatus(LiveStatus.connecting(servers));
    StatusWatch watch = new StatusWatch(listener);
    try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(consumerProperties())) {
      consumer = kafka;
      kafka.subscribe(List.of(REMINDERS_TOPIC, EVENTS_TOPIC), watch);
      while (running) {
        for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
          if (seen.put(idOf(record), Boolean.TRUE) == null) {
            dispatch(record, listener);
          }
        }
        watch.update(kafka);
      }
    } catch (WakeupException e) {
      // close() woke the poll: the loop ends.
    } catch (RuntimeException e) {
      // Not the exception itself: its messages may quote configuration values (the JAAS config).
      String why = redacted(e);
      LOG.warning(() -> "Live events stopped: " + why);
      listener.onStatus(new LiveStatus(LiveStatus.State.DOWN, "Live updates stopped: " + why));
    } finally {
      consumer = null;
    }
  }

  private void dispatch(ConsumerRecord<String, String> record, Listener listener) {
    try {
      if (REMINDERS_TOPIC.equals(record.topic())) {
        parser.reminder(record.value()).ifPresent(listener::onReminder);
      } else {
        parser.taskChange(record.value()).ifPresent(listener::onTaskChange);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A live event listener failed", e);
    }
  }

  /** The CloudEvents id without a full parse; unparseable records dedupe by their position. */
  private static String idOf(ConsumerRecord<String, String> record) {
    var header = record.headers().lastHeader("ce_id");
    if (header != null) {
      return new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
    return record.topic() + "/" + record.partition() + "/" + record.offset();
  }

  /** The client properties (connection, security, SASL, truststore) with this consumer's own settings over them. */
  Properties consumerProperties() {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    // Committed offsets let a rejoin after a long outage resume where it was, not at "latest".
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
    p.put(ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG, "1000");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "5000");
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
    p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    return p;
  }

  @Override
  public void close() {
    Thread worker;
    synchronized (this) {
      worker = thread;
      running = false;
    }
    KafkaConsumer<String, String> kafka = consumer;
    if (kafka != null) {
      kafka.wakeup();
    }
    if (worker != null) {
      try {
        worker.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      forgetGroup();
    }
  }

  /** Each window has its own group: remove it on exit rather than leave it to expire on the broker. */
  private void forgetGroup() {
    Properties p = adminProperties();
    try (Admin admin = Admin.create(p)) {
      admin.deleteConsumerGroups(List.of(groupId)).all().get(3, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.fine(() -> "Could not delete consumer group " + groupId + ": " + redacted(e));
    }
  }

  /** The same connection and credentials, without the consumer-only keys the admin client would warn about. */
  Properties adminProperties() {
    Properties p = new Properties();
    Set<String> known = AdminClientConfig.configNames();
    client.forEach((key, value) -> {
      if (known.contains(key)) {
        p.put(key, value);
      }
    });
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, groupId + "-admin");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    return p;
  }

  /**
   * What went wrong, for the log and the status bar: the exception chain's types and messages, with
   * every value of the client properties that can hold a secret (the JAAS config, passwords, keys),
   * and every password in the JAAS config, replaced; any other {@code password=...} is masked as well.
   */
  String redacted(Throwable failure) {
    StringBuilder text = new StringBuilder();
    Throwable t = failure;
    for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
      if (depth > 0) {
        text.append("; caused by ");
      }
      text.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        text.append(": ").append(t.getMessage());
      }
    }
    String result = text.toString();
    for (String secret : secrets()) {
      result = result.replace(secret, HIDDEN);
    }
    return NAMED_SECRET.matcher(result).replaceAll("$1=" + HIDDEN);
  }

  private static final String HIDDEN = "[hidden]";
  /** {@code password="..."} (or unquoted) as in a JAAS config; group 1 the name, 3 or 4 the value. */
  private static final Pattern NAMED_SECRET =
      Pattern.compile("(?i)\\b(password|secret|token)\\s*=\\s*(\"([^\"]*)\"|([^\\s;\"]+))");

  /** The secret values in the client properties, longest first (a JAAS config before the password in it). */
  private List<String> secrets() {
    List<String> secrets = new java.util.ArrayList<>();
    for (String key : client.stringPropertyNames()) {
      String value = client.getProperty(key).strip();
      String k = key.toLowerCase(java.util.Locale.ROOT);
      if (value.isEmpty() || !(k.contains("jaas") || k.contains("password") || k.contains("secret")
          || k.contains("token") || k.endsWith(".key") || k.contains("credentials"))) {
        continue;
      }
      secrets.add(value);
      var named = NAMED_SECRET.matcher(value);
      while (named.find()) {
        String inner = named.group(3) != null ? named.group(3) : named.group(4);
        if (!inner.isEmpty()) {
          secrets.add(inner);
        }
      }
    }
    secrets.sort(java.util.Comparator.comparingInt(String::length).reversed());
    return secrets;
  }

  /**
   * LIVE while the consumer holds partitions and has a broker connection; DOWN when it had one and
   * lost it. Reported only on change.
   */
  private final class StatusWatch implements ConsumerRebalanceListener {
    private final Listener listener;
    private boolean assigned;
    private boolean everLive;
    private LiveStatus.State reported = LiveStatus.State.CONNECTING;

    StatusWatch(Listener listener) {
      this.listener = listener;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      assigned = !partitions.isEmpty() || assigned;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      // A rebalance in our own one-member group: the assignment that follows tells.
    }

    void update(KafkaConsumer<String, String> kafka) {
      boolean connected = connectionCount(kafka) > 0;
      LiveStatus.State now;
      if (connected && assigned) {
        now = LiveStatus.State.LIVE;
        everLive = true;
      } else {
        now = everLive ? LiveStatus.State.DOWN : LiveStatus.State.CONNECTING;
      }
      if (now != reported) {
        reported = now;
        listener.onStatus(switch (now) {
          case LIVE -> LiveStatus.live(servers);
          case DOWN -> LiveStatus.down(servers);
          default -> LiveStatus.connecting(servers);
        });
      }
    }

    private double connectionCount(KafkaConsumer<String, String> kafka) {
      for (Map.Entry<MetricName, ? extends Metric> metric : kafka.metrics().entrySet()) {
        if ("connection-count".equals(metric.getKey().name())
            && metric.getKey().group().endsWith("consumer-metrics")
            && metric.getValue().metricValue() instanceof Double count) {
          return count;
        }
      }
      return 0;
    }
  }
}
