package dev.taskflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.ApplicationException;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

class DatabaseOutagesTest {

  private static InvocationContext throwing(Callable<Object> body) {
    return new InvocationContext() {
      @Override
      public Object proceed() throws Exception {
        return body.call();
      }

      @Override
      public Object getTarget() {
        return null;
      }

      @Override
      public Object getTimer() {
        return null;
      }

      @Override
      public Method getMethod() {
        return null;
      }

      @Override
      public Constructor<?> getConstructor() {
        return null;
      }

      @Override
      public Object[] getParameters() {
        return new Object[0];
      }

      @Override
      public void setParameters(Object[] params) {}

      @Override
      public Map<String, Object> getContextData() {
        return Map.of();
      }
    };
  }

  @Test
  void aDatabaseThatIsAwayBecomesAnApplicationExceptionTheContainerDoesNotLog() {
    RuntimeException refused = new IllegalStateException("query failed",
        new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
    assertThatThrownBy(() -> new DatabaseOutages().translate(throwing(() -> {
      throw refused;
    }))).isInstanceOf(DatabaseUnavailableException.class).hasCause(refused);
    ApplicationException marker = DatabaseUnavailableException.class.getAnnotation(ApplicationException.class);
    assertThat(marker.rollback()).isTrue();
  }

  @Test
  void otherFailuresAndResultsPassUnchanged() throws Exception {
    RuntimeException bug = new IllegalArgumentException("a bug");
    assertThatThrownBy(() -> new DatabaseOutages().translate(throwing(() -> {
      throw bug;
    }))).isSameAs(bug);
    RuntimeException badSql = new IllegalStateException(new SQLException("syntax error", "42601"));
    assertThatThrownBy(() -> new DatabaseOutages().translate(throwing(() -> {
      throw badSql;
    }))).isSameAs(badSql);
    assertThat(new DatabaseOutages().translate(throwing(() -> "result"))).isEqualTo("result");
  }
}
