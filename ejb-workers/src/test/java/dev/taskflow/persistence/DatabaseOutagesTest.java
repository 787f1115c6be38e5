package dev.taskflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.ejb.ApplicationException;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
  void whileTheDatabaseIsKnownToBeAwayCallsAreRefusedWithoutRunningUntilAProbeReachesIt() throws Exception {
    AtomicLong now = new AtomicLong();
    DatabaseOutages outages = new DatabaseOutages(new OutageBreaker(now::get, Duration.ofMillis(250)));
    AtomicInteger ran = new AtomicInteger();
    assertThatThrownBy(() -> outages.translate(throwing(() -> {
      ran.incrementAndGet();
      throw new IllegalStateException(new SQLException("Connection refused", "08001"));
    }))).isInstanceOf(DatabaseUnavailableException.class);

    Throwable refused = catchThrowable(() -> outages.translate(throwing(() -> ran.incrementAndGet())));
    assertThat(refused).isInstanceOf(DatabaseUnavailableException.class).hasNoCause();
    assertThat(refused.getStackTrace()).as("cheap: no stack trace").isEmpty();
    assertThat(DatabaseFailures.isTransient(refused)).as("answered 503 like any outage").isTrue();
    assertThat(DatabaseFailures.isOutcomeUnknown(refused)).isFalse();
    assertThat(ran).hasValue(1);

    now.addAndGet(Duration.ofMillis(250).toNanos());
    assertThat(outages.translate(throwing(() -> ran.incrementAndGet()))).as("the probe runs").isEqualTo(2);
    assertThat(outages.translate(throwing(() -> ran.incrementAndGet()))).as("and closed the breaker").isEqualTo(3);
  }

  @Test
  void aBusyDatabaseOrADeadlockRefusesNobodyElse() throws Exception {
    DatabaseOutages outages = new DatabaseOutages(new OutageBreaker(() -> 0L, Duration.ofMillis(250)));
    assertThatThrownBy(() -> outages.translate(throwing(() -> {
      throw new IllegalStateException(new SQLException("deadlock detected", "40P01"));
    }))).isInstanceOf(DatabaseUnavailableException.class);
    assertThatThrownBy(() -> outages.translate(throwing(() -> {
      throw new IllegalStateException(new SQLException("sorry, too many clients already", "53300"));
    }))).isInstanceOf(DatabaseUnavailableException.class);
    assertThat(outages.translate(throwing(() -> "served"))).isEqualTo("served");
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
