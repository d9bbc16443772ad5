package io.opsdesk.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A task's candidate groups in the order its model names them ({@code camunda:candidateGroups="support,
 * supervisors"}: support first). Camunda keeps them as a set, so the order comes from the model's attribute;
 * groups that come from an expression follow, alphabetically.
 */
public final class CandidateGroupOrder {

    private CandidateGroupOrder() {
    }

    /** {@code groups} ordered as {@code declared} (the attribute's text, may be null) names them. */
    public static List<String> ordered(Collection<String> groups, String declared) {
        List<String> ordered = new ArrayList<>();
        for (String name : names(declared)) {
            if (groups.contains(name) && !ordered.contains(name)) {
                ordered.add(name);
            }
        }
        new TreeSet<>(groups).stream().filter(group -> !ordered.contains(group)).forEach(ordered::add);
        return ordered;
    }

    /** The literal group ids of a candidateGroups attribute; none for an expression. */
    static List<String> names(String declared) {
        if (declared == null || declared.contains("{")) {
            return List.of();
        }
        return Arrays.stream(declared.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    }
}
