package dev.taskflow.persistence;

import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;

/**
 * Turns a failure that only says "the database is away" ({@link DatabaseFailures#isTransient})
 * into a {@link DatabaseUnavailableException} before it leaves the bean. While PostgreSQL was
 * down, every request's system exception made the EJB container log an error with its stack
 * trace (CNTR0020E), and writing those thousands of traces, one request at a time, delayed the
 * 503 answers to over a second. The API answers 503 either way.
 */
public class DatabaseOutages {

  @AroundInvoke
  public Object translate(InvocationContext invocation) throws Exception {
    try {
      return invocation.proceed();
    } catch (DatabaseUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      if (DatabaseFailures.isTransient(e)) {
        throw new DatabaseUnavailableException(e);
      }
      throw e;
    }
  }
}
