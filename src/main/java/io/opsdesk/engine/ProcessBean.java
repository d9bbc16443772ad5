package io.opsdesk.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * A Spring bean that deployed models may name in an expression ({@code ${customerMail}},
 * {@code ${sla.due(execution, 'RESOLUTION', 100)}}). The engine's expression resolver sees these beans
 * and no others, and the deployment guard accepts only their own public methods and properties: this
 * annotation is the allow-list of what a model can call.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface ProcessBean {

    /** The name models use, e.g. {@code customerMail}. */
    @AliasFor(annotation = Component.class)
    String value();
}
