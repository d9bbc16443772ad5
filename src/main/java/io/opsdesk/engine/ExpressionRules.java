package io.opsdesk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a deployed model may do: read variables, compare and compute with operators,
 * call Camunda's own functions ({@code now()}, {@code currentUser()}), read a {@link ProcessBean}'s own
 * properties, and call its {@link DueDate} methods. Anything else, above all any other method, a method or
 * property on a variable, on {@code execution} or on a literal ({@code ''.getClass()}), is refused: steps
 * are delegate and listener beans, never method calls with arguments.
 */
final class ExpressionRules {

    /** Camunda's built-in expression functions (CommandContextFunctions, DateTimeFunctions) */
    private static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

    private final ProcessBeans beans;

    ExpressionRules(ProcessBeans beans) {
        this.beans = beans;
    }

    /** true if the text holds an expression that the engine would evaluate */
    static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** What is wrong with the expression, each as a sentence; empty if it is allowed. */
    List<String> check(String expression) {
        List<String> problems = new ArrayList<>();
        Node root;
        try {
            root = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(expression).getRoot();
        } catch (TreeBuilderException e) {
            problems.add("'" + expression + "' is not a valid expression: " + e.getMessage());
            return problems;
        }
        visit(root, expression, problems);
        return problems;
    }

    /** The bean a {@code ${name}} expression names, if it is exactly that. */
    static Optional<String> beanName(String expression) {
        String trimmed = expression == null ? "" : expression.trim();
        if (trimmed.matches("\\$\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*}")) {
            return Optional.of(trimmed.substring(2, trimmed.length() - 1).trim());
        }
        return Optional.empty();
    }

    private void visit(Node node, String expression, List<String> problems) {
        if (node instanceof AstMethod method) {
            checkCall((AstDot) method.getChild(0), method.getChild(1).getCardinality(), expression, problems);
            visitChildren(method.getChild(1), expression, problems);
            return;
        }
        if (node instanceof AstDot dot) {
            checkProperty(dot, expression, problems);
            return;
        }
        if (node instanceof AstBracket) {
            problems.add("'" + expression + "' uses [ ] access, which models may not use; name a process bean's property instead");
            return;
        }
        if (node instanceof AstFunction function && !FUNCTIONS.contains(function.getName())) {
            problems.add("'" + expression + "' calls the function " + function.getName() + "(), which is not one of " + FUNCTIONS);
        }
        visitChildren(node, expression, problems);
    }

    private void visitChildren(Node node, String expression, List<String> problems) {
        for (int i = 0; i < node.getCardinality(); i++) {
            visit(node.getChild(i), expression, problems);
        }
    }

    private void checkCall(AstDot target, int arguments, String expression, List<String> problems) {
        String method = name(target);
        Node base = target.getChild(0);
        if (ReflectionBlockingResolver.REFUSED.contains(method)) {
            problems.add("'" + expression + "' calls " + method + "(): reflection is refused");
        } else if (!(base instanceof AstIdentifier identifier)) {
            problems.add("'" + expression + "' calls " + method + "() on a computed value; only process beans' methods may be called");
            visit(base, expression, problems);
        } else {
            Optional<Class<?>> type = beans.type(identifier.getName());
            if (type.isEmpty()) {
                problems.add("'" + expression + "' calls " + method + "() on '" + identifier.getName()
                        + "', which is not a process bean; process beans: " + beans.types().keySet());
            } else if (!beans.methods(type.get()).contains(method)) {
                problems.add("'" + expression + "': process bean '" + identifier.getName() + "' has no method " + method + "()");
            } else if (!beans.dueDates(type.get()).contains(method)) {
                problems.add("'" + expression + "' calls " + identifier.getName() + "." + method + "(), which is not a due-date"
                        + " function; a step is a delegate or listener bean (camunda:delegateExpression=\"${bean}\"),"
                        + " and only timers and due dates call functions: " + beans.dueDateFunctions());
            } else if (!beans.arities(type.get(), method).contains(arguments)) {
                problems.add("'" + expression + "': " + identifier.getName() + "." + method + "() takes "
                        + beans.arities(type.get(), method) + " argument(s), not " + arguments);
            }
        }
    }

    private void checkProperty(AstDot dot, String expression, List<String> problems) {
        String property = name(dot);
        Node base = dot.getChild(0);
        if (ReflectionBlockingResolver.REFUSED.contains(property)) {
            problems.add("'" + expression + "' reads ." + property + ": reflection is refused");
        } else if (!(base instanceof AstIdentifier identifier) || beans.type(identifier.getName()).isEmpty()) {
            problems.add("'" + expression + "' reads ." + property + " of something that is not a process bean;"
                    + " use the variable itself, or a process bean's property");
            visit(base, expression, problems);
        } else if (!beans.properties(beans.type(identifier.getName()).get()).contains(property)) {
            problems.add("'" + expression + "': process bean '" + identifier.getName() + "' has no property " + property);
        }
    }

    private static String name(AstDot dot) {
        // AstDot prints as ". name"
        return dot.toString().substring(2);
    }
}
