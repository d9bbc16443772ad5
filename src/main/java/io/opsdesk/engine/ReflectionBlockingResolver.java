package io.opsdesk.engine;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The run-time half of the reflection rule: whatever an expression evaluates (also one deployed before the
 * guard existed), it cannot reach {@code getClass()}, a {@code Class}, a class loader or {@code java.lang.reflect}.
 * It resolves nothing itself; it only refuses.
 */
final class ReflectionBlockingResolver extends ELResolver {

    /** names that reach reflection; the deployment guard refuses them in models too */
    static final Set<String> REFUSED = Set.of("class", "getClass", "classLoader", "getClassLoader", "forName",
            "getRuntime", "exec", "getMethod", "getDeclaredMethod", "getDeclaredField", "newInstance", "invoke");

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        check(base, property);
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        check(base, method);
        return null;
    }

    private static void check(Object base, Object name) {
        if (base == null) {
            return;
        }
        boolean reflective = base instanceof Class<?> || base instanceof ClassLoader
                || base.getClass().getName().startsWith("java.lang.reflect.");
        if (reflective || (name != null && REFUSED.contains(name.toString()))) {
            throw new ProcessEngineException("expressions may not use reflection ('" + name + "' on "
                    + base.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        check(base, property);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
