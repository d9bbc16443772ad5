package io.opsdesk.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method of a {@link ProcessBean} that a timer or a user task's due date may call, e.g.
 * {@code ${slaDue.resolutionDue(execution)}}: it takes only {@code execution} and returns a {@code Date}
 * or an ISO-8601 string. These are the only method calls the deployment guard lets a model make; every
 * other step is a delegate or listener bean.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DueDate {
}
