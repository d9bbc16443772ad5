package io.opsdesk.inspection;

import java.util.List;

/**
 * What one check of one target found.
 *
 * @param target    the target's name
 * @param kind      the target's kind
 * @param status    OK, WARNING or FAILED
 * @param value     the main measured value, or null: lowest free disk %, database size, HTTP status, error count …
 * @param latencyMs how long the check took to get its answer (connect, query, request), or null
 * @param message   one line for a person
 * @param findings  each anomaly, empty when OK
 */
public record CheckResult(String target, TargetKind kind, CheckStatus status, Double value, Long latencyMs,
                          String message, List<Finding> findings) {

    public CheckResult {
        findings = List.copyOf(findings);
    }

    /** A check that could not be done: FAILED with the reason as its one finding. */
    static CheckResult failed(InspectionTarget target, String subject, String message, Throwable cause) {
        String evidence = cause == null ? message : message + "\n" + describe(cause);
        return new CheckResult(target.getName(), target.getKind(), CheckStatus.FAILED, null, null, message,
                List.of(Finding.of(target, subject, target.getName() + ": " + message, evidence)));
    }

    /** The exception and its causes, one line each, without the stack; secrets in URLs masked. */
    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            text.append(text.isEmpty() ? "" : "\nCaused by: ").append(e.getClass().getName());
            if (e.getMessage() != null) {
                text.append(": ").append(e.getMessage());
            }
        }
        return Redaction.url(text.toString());
    }
}
