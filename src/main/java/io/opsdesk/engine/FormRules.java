package io.opsdesk.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The guard's rules for one Camunda Form (form-js JSON): a form whose JSON is broken, that has no id, or
 * that lacks a field a completion guard reads would break every open task bound to it the moment it is
 * deployed ({@code formRefBinding="latest"}).
 */
final class FormRules {

    /** component types that carry no value, so need no key */
    private static final Set<String> DISPLAY_TYPES = Set.of("text", "html", "image", "spacer", "separator",
            "group", "dynamiclist", "iframe", "table", "button", "default", "expression", "documentPreview");

    private static final ObjectMapper JSON = new ObjectMapper();

    record Form(String id, Set<String> fields) {
    }

    private FormRules() {
    }

    /** The form's id and fields, or null with the problems added when it is not a usable form. */
    static Form check(String resource, byte[] content, Map<String, Set<String>> contracts, List<GuardProblem> problems) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            problems.add(problem(resource, null, "form-json", "is not JSON: " + e.getOriginalMessage()));
            return null;
        } catch (java.io.IOException e) {
            problems.add(problem(resource, null, "form-json", "cannot be read: " + e.getMessage()));
            return null;
        }
        if (root == null || !root.isObject() || !root.path("id").isTextual() || root.path("id").asText().isBlank()) {
            problems.add(problem(resource, null, "form-json", "is not a form-js form: it needs an object with an \"id\""));
            return null;
        }
        String id = root.get("id").asText();
        if (!root.path("components").isArray()) {
            problems.add(problem(resource, id, "form-json", "has no \"components\" array"));
            return null;
        }
        Set<String> fields = new HashSet<>();
        int before = problems.size();
        components(resource, id, root.get("components"), fields, problems);
        if (problems.size() > before) {
            return null;
        }
        Set<String> missing = new TreeSet<>(contracts.getOrDefault(id, Set.of()));
        missing.removeAll(fields);
        if (!missing.isEmpty()) {
            problems.add(problem(resource, id, "form-fields", "lacks the field(s) " + missing
                    + " that the task's completion reads"));
            return null;
        }
        return new Form(id, fields);
    }

    private static void components(String resource, String formId, JsonNode components, Set<String> fields,
                                   List<GuardProblem> problems) {
        for (JsonNode component : components) {
            String type = component.path("type").asText("");
            String where = component.path("id").asText(formId);
            if (type.isEmpty()) {
                problems.add(problem(resource, where, "form-json", "a component has no \"type\""));
            } else if (!DISPLAY_TYPES.contains(type)) {
                String key = component.path("key").asText("");
                if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    problems.add(problem(resource, where, "form-json", "the " + type + " field needs a \"key\" that is a variable name"));
                } else if (!fields.add(key)) {
                    problems.add(problem(resource, where, "form-json", "the key \"" + key + "\" is used twice"));
                }
            }
            if (component.path("components").isArray()) {
                components(resource, formId, component.get("components"), fields, problems);
            }
        }
    }

    private static GuardProblem problem(String resource, String elementId, String rule, String detail) {
        return new GuardProblem(resource, elementId, 0, rule, detail);
    }
}
