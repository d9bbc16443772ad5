package io.opsdesk.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * A Spring bean that deployed models may name in an expression: a delegate or listener through
 * {@code camunda:delegateExpression="${customerMail}"}, a property ({@code ${ticketSettings.acceptanceWindow}})
 * or a {@link DueDate} function ({@code ${slaDue.resolutionDue(execution)}}). The engine's expression
 * resolver sees these beans and no others, and the deployment guard accepts nothing else: this annotation
 * is the allow-list of what a model can reach. On a {@code @Bean} method it names that bean.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface ProcessBean {

    /** The name models use, e.g. {@code customerMail}. */
    @AliasFor(annotation = Component.class)
    String value();
}
