package io.opsdesk.testing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs a test that {@link Needs} something only where it is there. Outside CI a missing prerequisite skips the test
 * with a message naming what to install (once on the console, and in the test report), so {@code ./mvnw verify}
 * passes on a machine with only Java 17. With the environment variable {@code CI=true} (set by CI services and by
 * {@code .ci/run}, which installs everything) nothing may be skipped: the condition throws, and JUnit reports the
 * test or class as failed with the same message.
 */
public final class PrerequisiteCondition implements ExecutionCondition {

    /**
     * The build's console: surefire shows a skip only as a count (the reason is in target/surefire-reports/*.xml)
     * and sends the tests' own output to files, but passes the test JVM's native standard error through.
     */
    private static final PrintStream CONSOLE = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    /** Each reason once per JVM, not once per skipped test. */
    private static final Set<String> TOLD = ConcurrentHashMap.newKeySet();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, Needs.class))
                .map(needs -> evaluate(Arrays.asList(needs.value())))
                .orElse(ConditionEvaluationResult.enabled("needs nothing beyond Java"));
    }

    /** Enabled when all are present; else skipped outside CI, and an {@link IllegalStateException} with {@code CI=true}. */
    public static ConditionEvaluationResult evaluate(Collection<Prerequisite> needed) {
        List<Prerequisite> missing = needed.stream().filter(prerequisite -> !prerequisite.present()).toList();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("has " + needed);
        }
        String what = missing.stream().map(Prerequisite::what).collect(Collectors.joining("; "));
        String install = missing.stream().map(Prerequisite::install).collect(Collectors.joining("; "));
        if (inCi()) {
            throw new IllegalStateException("CI=true and this test needs " + what + ", which this machine lacks. Install: "
                    + install + " (.ci/run installs them).");
        }
        String reason = "Skipped (not in CI): needs " + what + ". Install: " + install + ". With CI=true this test fails instead.";
        if (TOLD.add(reason)) {
            CONSOLE.println("[WARNING] " + reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
