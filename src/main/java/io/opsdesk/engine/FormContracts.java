package io.opsdesk.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;

/** Every feature's {@link FormContract}, merged; read when a deployment is checked, not when the engine starts. */
final class FormContracts {

    private final ObjectProvider<FormContract> contracts;

    FormContracts(ObjectProvider<FormContract> contracts) {
        this.contracts = contracts;
    }

    Map<String, Set<String>> requiredFields() {
        Map<String, Set<String>> merged = new HashMap<>();
        List<FormContract> all = contracts.orderedStream().toList();
        all.forEach(c -> c.requiredFields().forEach((form, fields) ->
                merged.computeIfAbsent(form, f -> new HashSet<>()).addAll(fields)));
        return merged;
    }

    Set<String> startVariables(String processKey) {
        Set<String> all = new HashSet<>();
        contracts.orderedStream().forEach(c -> all.addAll(c.startVariables().getOrDefault(processKey, Set.of())));
        return all;
    }
}
