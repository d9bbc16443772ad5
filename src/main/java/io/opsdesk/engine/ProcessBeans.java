package io.opsdesk.engine;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * The beans deployed models may use: those annotated {@link ProcessBean}, found by name and type without
 * creating them (the engine is built before they are). As a {@link Map} it is what the engine's expression
 * resolver sees instead of the whole application context; its methods tell the deployment guard which
 * methods and properties of a bean a model may name.
 */
final class ProcessBeans extends AbstractMap<Object, Object> {

    private final ApplicationContext context;
    private volatile Map<String, Class<?>> types;

    ProcessBeans(ApplicationContext context) {
        this.context = context;
    }

    /** bean name → its class, sorted by name */
    Map<String, Class<?>> types() {
        Map<String, Class<?>> known = types;
        if (known == null) {
            known = new TreeMap<>();
            for (String name : context.getBeanNamesForAnnotation(ProcessBean.class)) {
                known.put(name, ClassUtils.getUserClass(context.getType(name)));
            }
            types = Map.copyOf(known);
            known = types;
        }
        return known;
    }

    Optional<Class<?>> type(String name) {
        return Optional.ofNullable(types().get(name));
    }

    /** public methods the bean's own class declares (not Object's, not a framework's), by name */
    Set<String> methods(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> !m.isBridge() && !m.isSynthetic() && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> ownClass(type, m))
                .map(Method::getName)
                .collect(Collectors.toSet());
    }

    /** the {@link DueDate} methods of the bean's class, by name */
    Set<String> dueDates(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.isAnnotationPresent(DueDate.class) && ownClass(type, m))
                .map(Method::getName)
                .collect(Collectors.toSet());
    }

    /** every due-date function models may call, as {@code bean.method}, sorted */
    Set<String> dueDateFunctions() {
        Set<String> functions = new java.util.TreeSet<>();
        types().forEach((name, type) -> dueDates(type).forEach(method -> functions.add(name + "." + method)));
        return functions;
    }

    /** how many parameters the named public method of the bean can take */
    Set<Integer> arities(Class<?> type, String method) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(method) && ownClass(type, m))
                .map(Method::getParameterCount)
                .collect(Collectors.toSet());
    }

    /** readable properties whose getter the bean's own class declares */
    Set<String> properties(Class<?> type) {
        try {
            return Arrays.stream(Introspector.getBeanInfo(type).getPropertyDescriptors())
                    .filter(p -> p.getReadMethod() != null && ownClass(type, p.getReadMethod()))
                    .map(PropertyDescriptor::getName)
                    .collect(Collectors.toSet());
        } catch (IntrospectionException e) {
            return Set.of();
        }
    }

    private static boolean ownClass(Class<?> type, Method method) {
        // OpsDesk's own code, never Object's (getClass) nor a proxy's or framework's
        return method.getDeclaringClass().getName().startsWith("io.opsdesk.");
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && types().containsKey(name);
    }

    @Override
    public Object get(Object key) {
        return containsKey(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return types().keySet().stream()
                .map(name -> Map.entry((Object) name, context.getBean(name)))
                .collect(Collectors.toSet());
    }
}
