package io.opsdesk.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class or method that needs more than Java 17: outside CI it is skipped, with a message naming the Debian
 * packages to install, when one of these is missing; with {@code CI=true} it fails instead (see
 * {@link PrerequisiteCondition}). Browser tests need not say so: {@link io.opsdesk.Chromium} checks
 * {@link Prerequisite#CHROMIUM} itself.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(PrerequisiteCondition.class)
public @interface Needs {

    Prerequisite[] value();
}
