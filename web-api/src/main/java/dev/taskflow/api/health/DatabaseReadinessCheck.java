package dev.taskflow.api.health;

import dev.taskflow.schema.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while PostgreSQL answers and the schema is migrated. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  @Resource(lookup = "jdbc/taskflow")
  DataSource dataSource;

  @Inject SchemaMigration schema;

  @Override
  public HealthCheckResponse call() {
    boolean reachable = reachable();
    boolean migrated = schema.isMigrated();
    return HealthCheckResponse.named("database")
        .status(reachable && migrated)
        .withData("reachable", reachable)
        .withData("migrated", migrated)
        .build();
  }

  private boolean reachable() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }
}
