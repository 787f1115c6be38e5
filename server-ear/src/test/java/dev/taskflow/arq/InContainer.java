package dev.taskflow.arq;

import dev.taskflow.task.Priority;
import dev.taskflow.task.RepeatFrom;
import dev.taskflow.task.TaskDraft;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the in-container tests share: the test EAR (the real {@code taskflow.ear} plus a WAR with
 * the test classes, which Arquillian's servlet runner drives), and, inside the server, plain
 * access to the database, the transaction and a managed executor.
 */
final class InContainer {

  static final String TEST_WAR = "in-container-tests.war";

  private InContainer() {}

  /** The application as built, with the given test classes added in a WAR module of their own. */
  static EnterpriseArchive ear(Class<?>... tests) {
    Path built = Path.of(System.getProperty("taskflow.ear", "target/taskflow.ear"));
    EnterpriseArchive ear = ShrinkWrap.create(ZipImporter.class, "taskflow-in-container.ear")
        .importFrom(built.toFile()).as(EnterpriseArchive.class);
    WebArchive war = ShrinkWrap.create(WebArchive.class, TEST_WAR)
        .addClass(InContainer.class)
        .addClasses(tests)
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
        .addAsLibraries(jarOf(org.assertj.core.api.Assertions.class), jarOf(org.awaitility.Awaitility.class),
            jarOf(org.hamcrest.Matcher.class));
    ear.addAsModule(Testable.archiveToTest(war));
    String applicationXml = read(ear.get("META-INF/application.xml").getAsset().openStream());
    ear.setApplicationXML(new StringAsset(applicationXml.replace("<library-directory>",
        "<module><web><web-uri>" + TEST_WAR + "</web-uri><context-root>/in-container-tests</context-root></web></module>\n"
            + "  <library-directory>")));
    return ear;
  }

  private static java.io.File jarOf(Class<?> type) {
    try {
      return new java.io.File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(InputStream in) {
    try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- inside the server

  static <T> T lookup(String name, Class<T> type) {
    try {
      return type.cast(new InitialContext().lookup(name));
    } catch (NamingException e) {
      throw new IllegalStateException("no " + name + " in the server", e);
    }
  }

  static UserTransaction transaction() {
    return lookup("java:comp/UserTransaction", UserTransaction.class);
  }

  static ManagedExecutorService executor() {
    return lookup("java:comp/DefaultManagedExecutorService", ManagedExecutorService.class);
  }

  /**
   * A single number from the application's database, as another session sees it: through the
   * non-transactional data source, so never inside the caller's transaction.
   */
  static long count(String sql, Object... parameters) {
    return first(sql, parameters, rows -> rows.getLong(1));
  }

  /** A single text from the application's database (null when there is no row), seen the same way. */
  static String text(String sql, Object... parameters) {
    return first(sql, parameters, rows -> rows.getString(1));
  }

  private interface Column<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private static <T> T first(String sql, Object[] parameters, Column<T> column) {
    try (Connection db = lookup("jdbc/taskflowRelay", DataSource.class).getConnection();
        PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? column.read(rows) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  static String newUser(String name) {
    return "arq-" + name + "-" + UUID.randomUUID();
  }

  static TaskDraft draft(String title, Instant due, String rule, int remindBeforeMinutes) {
    return new TaskDraft(title, null, Priority.MEDIUM, null, List.of(), due, "UTC", rule, RepeatFrom.DUE,
        remindBeforeMinutes, false);
  }
}
