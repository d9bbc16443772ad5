package io.opsdesk.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a deployment brings and what is already deployed, for the references a model makes: process keys
 * ({@code calledElement}), decision keys ({@code decisionRef}) and forms ({@code formRef}) with their fields.
 */
final class DeploymentContents {

    /** what the engine already has, asked inside the deployment's own command */
    interface Deployed {
        boolean hasProcess(String key);

        boolean hasDecision(String key);

        boolean hasForm(String key);
    }

    private final Set<String> processes = new HashSet<>();
    private final Set<String> decisions = new HashSet<>();
    private final Map<String, Set<String>> forms = new HashMap<>();
    private final Deployed deployed;

    DeploymentContents(Deployed deployed) {
        this.deployed = deployed;
    }

    void addProcess(String key) {
        processes.add(key);
    }

    void addDecision(String key) {
        decisions.add(key);
    }

    void addForm(String id, Set<String> fields) {
        forms.put(id, fields);
    }

    boolean hasProcess(String key) {
        return processes.contains(key) || deployed.hasProcess(key);
    }

    boolean hasDecision(String key) {
        return decisions.contains(key) || deployed.hasDecision(key);
    }

    boolean hasForm(String key) {
        return forms.containsKey(key) || deployed.hasForm(key);
    }

    /** the fields of a form in this deployment */
    Optional<Set<String>> formFields(String id) {
        return Optional.ofNullable(forms.get(id));
    }

    static Predicate<String> literal() {
        return value -> value != null && !value.isBlank() && !ExpressionRules.isExpression(value);
    }
}
