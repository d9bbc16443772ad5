package io.opsdesk.engine;

import static io.opsdesk.engine.XmlTree.BPMN;
import static io.opsdesk.engine.XmlTree.BPMNDI;
import static io.opsdesk.engine.XmlTree.CAMUNDA;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.opsdesk.engine.XmlTree.Element;

/** The guard's rules for one BPMN resource. Each problem names the element and the rule it breaks. */
final class BpmnRules {

    private static final Set<String> FLOW_ELEMENTS = Set.of("startEvent", "endEvent", "intermediateCatchEvent",
            "intermediateThrowEvent", "boundaryEvent", "task", "userTask", "serviceTask", "sendTask", "receiveTask",
            "businessRuleTask", "scriptTask", "manualTask", "callActivity", "subProcess", "transaction",
            "exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway", "complexGateway",
            "sequenceFlow");

    private final ExpressionRules expressions;
    private final ProcessBeans beans;
    private final Set<String> allowedClasses;

    BpmnRules(ExpressionRules expressions, ProcessBeans beans, Set<String> allowedClasses) {
        this.expressions = expressions;
        this.beans = beans;
        this.allowedClasses = allowedClasses;
    }

    /** the keys of the executable processes a BPMN resource defines */
    static Set<String> processKeys(Element definitions) {
        Set<String> keys = new HashSet<>();
        definitions.children().stream().filter(e -> e.is(BPMN, "process")).forEach(p -> keys.add(p.id()));
        return keys;
    }

    void check(String resource, Element definitions, DeploymentContents contents, List<GuardProblem> problems) {
        Report report = new Report(resource, problems);
        definitions.walk(element -> {
            checkScripts(element, report);
            checkClasses(element, report);
            checkExpressions(element, report);
            checkReferences(element, contents, report);
            if (element.is(BPMN, "userTask")) {
                checkUserTask(element, report);
            }
            if (element.is(BPMN, "process") && !"false".equals(element.attribute("isExecutable"))
                    && element.camunda("historyTimeToLive") == null) {
                report.add(element, "history-time-to-live", "the process has no camunda:historyTimeToLive");
            }
        });
        checkDiagram(definitions, report);
    }

    private void checkScripts(Element element, Report report) {
        if (element.is(BPMN, "scriptTask") || element.is(CAMUNDA, "script")) {
            report.add(element, "no-scripts", "scripts are refused; use a service task with a process bean");
        }
        if (element.is(CAMUNDA, "connector")) {
            report.add(element, "no-connectors", "connectors are refused; use a service task with a process bean");
        }
        if (element.is(BPMN, "conditionExpression") && element.attribute("language") != null) {
            report.add(element, "no-scripts", "a script condition (language=" + element.attribute("language") + ") is refused");
        }
        if (element.camunda("formKey") != null) {
            report.add(element, "form-ref", "camunda:formKey is refused; bind a Camunda Form with camunda:formRef");
        }
    }

    private void checkClasses(Element element, Report report) {
        for (String attribute : List.of("class", "variableMappingClass")) {
            String type = code(element, attribute);
            if (type != null && !allowedClasses.contains(type)) {
                report.add(element, "class-allow-list", "camunda:" + attribute + "=\"" + type
                        + "\" is not on the allow-list; use camunda:delegateExpression with a process bean");
            }
        }
        for (String attribute : List.of("delegateExpression", "variableMappingDelegateExpression")) {
            String expression = code(element, attribute);
            if (expression == null) {
                continue;
            }
            Optional<Class<?>> bean = ExpressionRules.beanName(expression).flatMap(beans::type);
            if (bean.isEmpty()) {
                report.add(element, "known-bean", "camunda:" + attribute + "=\"" + expression
                        + "\" does not name a process bean; process beans: " + beans.types().keySet());
            } else {
                Class<?> needed = "variableMappingDelegateExpression".equals(attribute) ? DelegateVariableMapping.class
                        : element.is(CAMUNDA, "executionListener") ? ExecutionListener.class
                        : element.is(CAMUNDA, "taskListener") ? TaskListener.class : JavaDelegate.class;
                if (!needed.isAssignableFrom(bean.get())) {
                    report.add(element, "bean-kind", expression + " is not a " + needed.getSimpleName()
                            + "; name a bean of that kind here");
                }
            }
        }
        String expression = code(element, "expression");
        if (expression != null) {
            report.add(element, "delegates-only", "camunda:expression=\"" + expression + "\" is refused: an automated"
                    + " step or listener names a delegate or listener bean with camunda:delegateExpression=\"${bean}\"");
        }
    }

    /**
     * An attribute that names code: {@code camunda:class} on a BPMN element, or plain {@code class} on Camunda's own
     * elements ({@code camunda:executionListener}, {@code camunda:taskListener}), whose attributes carry no prefix.
     */
    private static String code(Element element, String attribute) {
        String value = element.camunda(attribute);
        return value != null || !element.namespace().equals(CAMUNDA) ? value : element.attribute(attribute);
    }

    private void checkExpressions(Element element, Report report) {
        for (Map.Entry<String, String> attribute : element.attributes().entrySet()) {
            if (ExpressionRules.isExpression(attribute.getValue())) {
                expressions.check(attribute.getValue()).forEach(p -> report.add(element, "expression", p));
            }
        }
        String text = element.text().toString();
        // documentation, annotations and camunda:string are never evaluated
        boolean evaluated = !(element.is(BPMN, "documentation") || element.is(BPMN, "text") || element.is(CAMUNDA, "string"));
        if (evaluated && ExpressionRules.isExpression(text)) {
            expressions.check(text.trim()).forEach(p -> report.add(element, "expression", p));
        }
    }

    private void checkReferences(Element element, DeploymentContents contents, Report report) {
        reference(element, "formRef", element.camunda("formRef"), contents::hasForm, "form", report);
        if (element.is(BPMN, "businessRuleTask")) {
            reference(element, "decisionRef", element.camunda("decisionRef"), contents::hasDecision, "decision", report);
        }
        if (element.is(BPMN, "callActivity")) {
            if (element.camunda("caseRef") != null) {
                report.add(element, "called-element", "case (CMMN) calls are refused");
            } else {
                reference(element, "calledElement", element.attribute("calledElement"), contents::hasProcess, "process", report);
            }
        }
    }

    private static void reference(Element element, String attribute, String value,
                                  java.util.function.Predicate<String> exists, String kind, Report report) {
        if (value == null) {
            if (!attribute.equals("formRef")) {
                report.add(element, attribute, attribute + " is missing");
            }
        } else if (!DeploymentContents.literal().test(value)) {
            report.add(element, attribute, attribute + "=\"" + value + "\" must name a " + kind + " literally");
        } else if (!exists.test(value)) {
            report.add(element, attribute, attribute + "=\"" + value + "\" names no " + kind
                    + " in this deployment nor one already deployed");
        }
    }

    private static void checkUserTask(Element task, Report report) {
        if (task.camunda("candidateGroups") == null && task.camunda("assignee") == null) {
            report.add(task, "user-task-owner", "a user task needs camunda:candidateGroups or camunda:assignee");
        }
        if (task.camunda("formRef") == null) {
            report.add(task, "form-ref", "a user task needs a Camunda Form bound with camunda:formRef");
        }
    }

    private static void checkDiagram(Element definitions, Report report) {
        Set<String> drawn = new HashSet<>();
        definitions.walk(e -> {
            if (BPMNDI.equals(e.namespace()) && e.attribute("bpmnElement") != null) {
                drawn.add(e.attribute("bpmnElement"));
            }
        });
        definitions.children().stream().filter(e -> e.is(BPMN, "process")).forEach(process -> process.walk(e -> {
            if (e != process && BPMN.equals(e.namespace()) && FLOW_ELEMENTS.contains(e.name()) && !drawn.contains(e.id())) {
                report.add(e, "diagram", "has no shape or edge in the diagram (BPMNDI); lay the model out in the Modeler");
            }
        }));
    }

    /** collects problems of one resource */
    record Report(String resource, List<GuardProblem> problems) {
        void add(Element element, String rule, String detail) {
            problems.add(new GuardProblem(resource, element.nearestId(), element.line(), rule, detail));
        }
    }
}
