package dev.taskflow.api.warmup;

import dev.taskflow.schema.SchemaMigration;
import dev.taskflow.warmup.WarmupTasks;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ready means warm. After the schema is migrated, the server sends itself the requests real
 * clients send (every endpoint, JSON, JPA, the commit, the outbox insert, the search SQL), as a
 * synthetic user of its own ({@link dev.taskflow.warmup.WarmupTasks}), until their latency stops
 * falling ({@link Settling}), or at most {@code taskflow.warmup.max-duration}. Until then
 * readiness is DOWN and the API answers 503 ({@code ReadyGate}): a just-started JVM interprets its
 * code and spends its CPU compiling, and on a small machine it answered in seconds for a minute.
 * The synthetic user's events never leave the database and its rows are deleted before ready. See
 * docs/ARCHITECTURE.md ("Start-up") and docs/PERFORMANCE.md ("Start-up").
 */
@ApplicationScoped
public class Warmup {

  /** Where the warm-up is. */
  public enum Phase {
    WAITING_FOR_DATABASE,
    WARMING,
    DONE
  }

  /** What the warm-up did, for the readiness check's data and the log. */
  public record Summary(long tookMillis, long requests, double firstMeanMillis, double lastMeanMillis,
      long jitMillis, boolean settled, String note) {}

  private static final Logger LOG = Logger.getLogger(Warmup.class.getName());
  private static final Duration WINDOW = Duration.ofSeconds(2);
  private static final int SEEDS_PER_CLIENT = 4;
  /** How long the API may take to appear on the HTTP port once the warm-up starts. */
  private static final Duration API_APPEARS = Duration.ofSeconds(90);
  /**
   * Rows of a warm-up older than this were left by a server that died warming up (and never came
   * back on its host and port, which would have deleted them at once).
   */
  private static final Duration STALE = Duration.ofHours(1);

  @Inject SchemaMigration schema;
  @Inject WarmupTasks tasks;
  @Resource ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "taskflow.warmup.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "taskflow.warmup.max-duration", defaultValue = "PT90S")
  String maxDuration;

  /**
   * However early the latency looks settled, the warm-up goes on this long (capped by the maximum):
   * runs in which it settled after ~30 s left enough compilation for the first minute of real load
   * to miss its p99 (docs/PERFORMANCE.md, "Start-up").
   */
  @Inject
  @ConfigProperty(name = "taskflow.warmup.min-duration", defaultValue = "PT45S")
  String minDuration;

  /**
   * Concurrent warm-up clients (default: two per processor, 2 to 8), so Liberty's thread pool and
   * the JDBC pool grow as real traffic needs them (each new connection runs SCRAM authentication).
   */
  @Inject
  @ConfigProperty(name = "taskflow.warmup.clients")
  Optional<Integer> clients;

  /** The issuer tokens must name (the probe of the token path names it too). */
  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "taskflow")
  String issuer;

  /** Where this server's API answers; by default its defaultHttpEndpoint on this machine. */
  @Inject
  @ConfigProperty(name = "taskflow.warmup.base-url")
  Optional<String> baseUrl;

  private final WarmupSecret secret = new WarmupSecret(new SecureRandom());
  /** This start's synthetic user: {@code taskflow:warmup:<host>:<port>:<random>}, set when warming starts. */
  private volatile String user;
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean stopping;
  private volatile Phase phase = Phase.WAITING_FOR_DATABASE;
  private volatile long warmingSince;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong latencyNanos = new AtomicLong();
  private volatile Summary summary;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
    if (!started.compareAndSet(false, true)) {
      return;
    }
    if (!enabled) {
      summary = new Summary(0, 0, 0, 0, 0, false, "disabled (taskflow.warmup.enabled=false)");
      phase = Phase.DONE;
      LOG.info("Warm-up disabled: ready as soon as the database is");
      return;
    }
    executor.submit(this::run);
  }

  @PreDestroy
  void stop() {
    stopping = true;
  }

  public Phase phase() {
    return phase;
  }

  public boolean isWarm() {
    return phase == Phase.DONE;
  }

  public Optional<Summary> summary() {
    return Optional.ofNullable(summary);
  }

  /** Milliseconds since warming began, or 0 before. */
  public long warmingMillis() {
    return phase == Phase.WARMING ? (System.nanoTime() - warmingSince) / 1_000_000 : 0;
  }

  public long requests() {
    return requests.get();
  }

  /**
   * The warm-up's synthetic user, if this request is the warm-up's own: the secret matches, the
   * server is still warming up, and the request came from this machine.
   */
  Optional<String> caller(String presented, String remoteAddress, String localAddress) {
    String current = user;
    return phase == Phase.WARMING && current != null && secret.admits(presented, remoteAddress, localAddress)
        ? Optional.of(current) : Optional.empty();
  }

  private void run() {
    long begun = System.nanoTime();
    try {
      while (!schema.isMigrated()) {
        if (!pause(Duration.ofMillis(250))) {
          return;
        }
      }
      warmingSince = System.nanoTime();
      phase = Phase.WARMING;
      summary = warm();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Warm-up failed; ready without it: " + e, e);
      summary = new Summary(elapsedMillis(begun), requests.get(), 0, 0, 0, false, "failed: " + e);
    } finally {
      cleanUp();
      phase = Phase.DONE;
    }
    Summary s = summary;
    LOG.info(() -> String.format(Locale.ROOT, "Warm-up done in %.1f s: %d requests, mean latency %.1f ms in the first"
        + " %d s and %.1f ms in the last, JIT compilation %.1f s; %s. Ready.", s.tookMillis() / 1e3, s.requests(),
        s.firstMeanMillis(), WINDOW.toSeconds(), s.lastMeanMillis(), s.jitMillis() / 1e3,
        s.settled() ? "settled" : s.note()));
  }

  private Summary warm() throws Exception {
    Duration max = Duration.parse(maxDuration);
    URI base = LocalEndpoint.discover(baseUrl);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    awaitApi(http, base);
    // Per server (host and port): a server killed while warming up deletes its rows when it is back.
    String instance = WarmupTasks.USER_PREFIX + LocalEndpoint.hostName(100) + ":" + base.getPort() + ":";
    int left = tasks.purge(instance) + tasks.purgeOlderThan(STALE);
    if (left > 0) {
      LOG.info(() -> "Deleted " + left + " tasks left by an earlier warm-up that did not finish");
    }
    user = instance + UUID.randomUUID().toString().substring(0, 8);
    LOG.info(() -> "Warming up before reporting ready: exercising the API at " + base + " as the synthetic user "
        + user + ", whose events never leave the database and whose rows are deleted afterwards (at most "
        + max.toSeconds() + " s)");
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
    long jitAtStart = jitTimed ? jit.getTotalCompilationTime() : 0;
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Exception> failure = new AtomicReference<>();
    List<Future<?>> running = new ArrayList<>();
    boolean probed = false;
    int concurrency = clients.orElse(Math.max(2, Math.min(8, 2 * Runtime.getRuntime().availableProcessors())));
    for (int c = 0; c < concurrency; c++) {
      WarmupTraffic traffic = new WarmupTraffic(http, base, secret.text(), tasks.seed(user, SEEDS_PER_CLIENT), nanos -> {
        latencyNanos.addAndGet(nanos);
        requests.incrementAndGet();
      });
      if (!probed) {
        LOG.info("Warm-up: one request with a token signed by a throw-away key (kid taskflow-warmup-probe) loads the"
            + " token verification path; the CWWKS5523E that MP-JWT logs for it (in trace.log) is expected");
        traffic.probeTokenPath(issuer);
        probed = true;
      }
      running.add(executor.submit(() -> {
        while (!done.get() && !stopping) {
          try {
            traffic.round();
          } catch (Exception e) {
            failure.compareAndSet(null, e);
            done.set(true);
          }
        }
      }));
    }
    Settling settling = new Settling();
    Duration min = Duration.parse(minDuration);
    Duration least = min.compareTo(max) < 0 ? min : max;
    long started = System.nanoTime();
    long lastRequests = 0;
    long lastLatency = 0;
    long lastJit = jitAtStart;
    String note = "settled";
    boolean settled = false;
    try {
      while (true) {
        if (!pause(WINDOW)) {
          note = "stopped: the application is stopping";
          break;
        }
        if (failure.get() != null) {
          throw failure.get();
        }
        long nowRequests = requests.get();
        long nowLatency = latencyNanos.get();
        long nowJit = jitTimed ? jit.getTotalCompilationTime() : lastJit;
        int count = (int) (nowRequests - lastRequests);
        double mean = count == 0 ? 0 : (nowLatency - lastLatency) / 1e6 / count;
        settled = settling.add(new Settling.Window(WINDOW, count, mean, nowJit - lastJit));
        lastRequests = nowRequests;
        lastLatency = nowLatency;
        lastJit = nowJit;
        if (settled && System.nanoTime() - started >= least.toNanos()) {
          break;
        }
        if (System.nanoTime() - started >= max.toNanos()) {
          note = "not settled within " + max.toSeconds() + " s (taskflow.warmup.max-duration)";
          break;
        }
      }
    } finally {
      done.set(true);
      for (Future<?> client : running) {
        try {
          client.get();
        } catch (Exception e) {
          LOG.log(Level.FINE, "warm-up client ended with " + e, e);
        }
      }
    }
    List<Settling.Window> windows = settling.windows();
    LOG.fine(() -> "Warm-up windows of " + WINDOW.toSeconds() + " s: "
        + windows.stream().map(Settling.Window::toString).collect(Collectors.joining(" | ")));
    double first = windows.isEmpty() ? 0 : windows.get(0).meanMillis();
    double last = windows.isEmpty() ? 0 : windows.get(windows.size() - 1).meanMillis();
    return new Summary(elapsedMillis(warmingSince), requests.get(), first, last,
        jitTimed ? jit.getTotalCompilationTime() - jitAtStart : -1, settled, note);
  }

  /**
   * Waits until the API is deployed on the port: until then a request gets no connection or a 404;
   * afterwards the ready gate answers an anonymous request 503.
   */
  private void awaitApi(HttpClient http, URI base) throws Exception {
    long deadline = System.nanoTime() + API_APPEARS.toNanos();
    HttpRequest probe = HttpRequest.newBuilder(base.resolve("/api/v1/tasks")).timeout(Duration.ofSeconds(10)).build();
    while (true) {
      try {
        HttpResponse<String> response = http.send(probe, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 503 && response.body().contains("urn:taskflow:problem:starting")) {
          return;
        }
      } catch (ConnectException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("the API did not appear at " + base + " within " + API_APPEARS.toSeconds()
            + " s (set taskflow.warmup.base-url to where this server listens)");
      }
      if (!pause(Duration.ofMillis(250))) {
        throw new InterruptedException("stopping");
      }
    }
  }

  private void cleanUp() {
    String current = user;
    if (current == null) {
      return;
    }
    try {
      long pending = tasks.unpublishedEvents(current);
      if (pending > 0) {
        LOG.severe(pending + " events of the warm-up's synthetic user wait for the relay; they were meant to be"
            + " recorded as published");
      }
      tasks.purge(current);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not remove the warm-up's rows (the next start will): " + e, e);
    }
  }

  private boolean pause(Duration length) {
    try {
      Thread.sleep(length.toMillis());
      return !stopping;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static long elapsedMillis(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
