package io.opsdesk.engine;

import java.util.Map;

import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/** Spring's expression manager limited to the process beans, with reflection refused before anything resolves. */
final class GuardedExpressionManager extends SpringExpressionManager {

    GuardedExpressionManager(ApplicationContext context, Map<Object, Object> processBeans) {
        super(context, processBeans);
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new ReflectionBlockingResolver());
        resolver.add(super.createElResolver());
        return resolver;
    }
}
