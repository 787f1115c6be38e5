package dev.taskflow.api.request;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The query parameters a resource method takes; {@link StrictQueryParameters} refuses any other,
 * and refuses a parameter given twice unless it is {@link #repeatable}. A method without this
 * annotation takes none.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface KnownQueryParameters {
  String[] value();

  String[] repeatable() default {};
}
