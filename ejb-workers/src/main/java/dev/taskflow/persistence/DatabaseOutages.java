package dev.taskflow.persistence;

import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

/**
 * Turns a failure that only says "the database is away" ({@link DatabaseFailures#isTransient})
 * into a {@link DatabaseUnavailableException} before it leaves the bean. While PostgreSQL was
 * down, every request's system exception made the EJB container log an error with its stack
 * trace (CNTR0020E), and writing those thousands of traces, one request at a time, delayed the
 * 503 answers to over a second. The API answers 503 either way.
 *
 * <p>It also keeps one {@link OutageBreaker} for the server: while the database is known to be
 * unreachable, calls are refused before they start, and one probe per hold finds out when it is back.
 */
public class DatabaseOutages {

  static final OutageBreaker BREAKER = new OutageBreaker(System::nanoTime, OutageBreaker.HOLD);

  private final OutageBreaker breaker;

  public DatabaseOutages() {
    this(BREAKER);
  }

  DatabaseOutages(OutageBreaker breaker) {
    this.breaker = breaker;
  }

  @AroundInvoke
  public Object translate(InvocationContext invocation) throws Exception {
    if (!breaker.allow()) {
      throw DatabaseUnavailableException.knownOutage();
    }
    try {
      Object result = invocation.proceed();
      breaker.reached();
      return result;
    } catch (DatabaseUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      if (DatabaseFailures.isUnreachable(e)) {
        breaker.unreachable();
      }
      if (DatabaseFailures.isTransient(e)) {
        throw new DatabaseUnavailableException(e);
      }
      throw e;
    }
  }
}
