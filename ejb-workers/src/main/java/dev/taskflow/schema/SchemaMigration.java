package dev.taskflow.schema;

import dev.taskflow.config.ProductionSettings;
import org.eclipse.microprofile.config.ConfigProvider;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with Flyway when the application starts. If PostgreSQL is not
 * reachable yet, the application still starts (not ready) and the migration is retried until it
 * succeeds. Flyway's own lock makes concurrent replicas safe.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
  private static final long RETRY_MILLIS = 2_000;

  @Resource(lookup = "jdbc/taskflow")
  private DataSource dataSource;

  @Resource private TimerService timers;

  private final AtomicBoolean migrated = new AtomicBoolean();

  /** Refuses to start a production server with a default database password, then migrates. */
  @PostConstruct
  void start() {
    var config = ConfigProvider.getConfig();
    ProductionSettings.problem(config.getOptionalValue("taskflow.profile", String.class).orElse(null),
            config.getOptionalValue("db.password", String.class).orElse(null))
        .ifPresent(problem -> {
          LOG.severe("Taskflow will not start: " + problem);
          throw new IllegalStateException(problem);
        });
    migrate();
  }

  @Timeout
  void retry() {
    migrate();
  }

  /** Whether the schema is current; until then the API answers 503. */
  public boolean isMigrated() {
    return migrated.get();
  }

  private void migrate() {
    if (migrated.get()) {
      return;
    }
    try {
      var result =
          Flyway.configure(getClass().getClassLoader())
              .dataSource(dataSource)
              .locations("classpath:db/migration")
              .load()
              .migrate();
      migrated.set(true);
      LOG.info(() -> "Schema is at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrations applied now)");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Schema migration failed, retrying in " + RETRY_MILLIS + " ms: " + e.getMessage());
      timers.createSingleActionTimer(RETRY_MILLIS, new TimerConfig(null, false));
    }
  }
}
