package io.opsdesk.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.opsdesk.engine.BpmnRules.Report;
import io.opsdesk.engine.XmlTree.Element;

/**
 * The guard's rules for one decision table: FEEL only (JUEL and script languages reach Java the way a
 * BPMN expression would), and a history time to live on every decision.
 */
final class DmnRules {

    private DmnRules() {
    }

    static Set<String> decisionKeys(Element definitions) {
        Set<String> keys = new HashSet<>();
        definitions.children().stream().filter(e -> e.name().equals("decision")).forEach(d -> keys.add(d.id()));
        return keys;
    }

    static void check(String resource, Element definitions, List<GuardProblem> problems) {
        Report report = new Report(resource, problems);
        definitions.walk(element -> {
            String language = element.attribute("expressionLanguage");
            if (language != null && !language.toLowerCase(Locale.ROOT).contains("feel")) {
                report.add(element, "dmn-feel-only", "expressionLanguage=\"" + language
                        + "\" is refused; decision tables use FEEL");
            }
            if (ExpressionRules.isExpression(element.text().toString())) {
                report.add(element, "dmn-feel-only", "'" + element.text().toString().trim()
                        + "' is a JUEL expression; decision tables use FEEL");
            }
            if (element.name().equals("decision") && element.parent() == definitions
                    && element.camunda("historyTimeToLive") == null) {
                report.add(element, "history-time-to-live", "the decision has no camunda:historyTimeToLive");
            }
        });
    }
}
