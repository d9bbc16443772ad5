package io.opsdesk.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.bpmn.parser.ResourceReportImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.opsdesk.engine.XmlTree.Element;

/**
 * Checks every new deployment before the engine's own deployers see it: the Modeler's, one through
 * {@code /engine-rest}, Cockpit's and OpsDesk's auto-deployment alike. A deployment that breaks a rule is
 * refused as a whole with a {@link ParseException} (HTTP 400 from {@code /engine-rest}) whose message and
 * details name the resource, the element id and the rule; nothing of it is stored.
 */
final class DeploymentGuard implements Deployer {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentGuard.class);

    private final BpmnRules bpmn;
    private final FormContracts contracts;

    DeploymentGuard(BpmnRules bpmn, FormContracts contracts) {
        this.bpmn = bpmn;
        this.contracts = contracts;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            // an existing deployment read back into the cache was checked when it was deployed
            return;
        }
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            resources.put(resource.getName(), resource.getBytes());
        }
        List<GuardProblem> problems = check(resources, deployed(Context.getCommandContext()));
        if (!problems.isEmpty()) {
            throw refusal(problems);
        }
    }

    /** Every problem of the resources, checked together so that they may refer to each other. */
    List<GuardProblem> check(Map<String, byte[]> resources, DeploymentContents.Deployed deployed) {
        List<GuardProblem> problems = new ArrayList<>();
        DeploymentContents contents = new DeploymentContents(deployed);
        Map<String, Element> models = new LinkedHashMap<>();
        Map<String, Set<String>> required = contracts.requiredFields();
        resources.forEach((name, bytes) -> {
            if (name.endsWith(".form")) {
                FormRules.Form form = FormRules.check(name, bytes, required, problems);
                if (form != null) {
                    contents.addForm(form.id(), form.fields());
                }
            } else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml") || name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
                try {
                    models.put(name, XmlTree.parse(bytes));
                } catch (Exception e) {
                    problems.add(new GuardProblem(name, null, 0, "xml", "is not well-formed XML: " + e.getMessage()));
                }
            } else if (name.endsWith(".cmmn") || name.endsWith(".cmmn11.xml")) {
                problems.add(new GuardProblem(name, null, 0, "resource-type", "CMMN case models are not used by OpsDesk"));
            }
        });
        models.forEach((name, root) -> {
            if (isDmn(name)) {
                DmnRules.decisionKeys(root).forEach(contents::addDecision);
            } else {
                BpmnRules.processKeys(root).forEach(contents::addProcess);
            }
        });
        models.forEach((name, root) -> {
            if (isDmn(name)) {
                DmnRules.check(name, root, problems);
            } else {
                bpmn.check(name, root, contents, problems);
            }
        });
        return problems;
    }

    private static boolean isDmn(String name) {
        return name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
    }

    private static ParseException refusal(List<GuardProblem> problems) {
        String message = "OpsDesk's deployment guard refused the deployment: "
                + problems.stream().map(GuardProblem::getMessage).collect(Collectors.joining("; "));
        LOG.warn(message);
        Map<String, List<Problem>> byResource = new LinkedHashMap<>();
        problems.forEach(p -> byResource.computeIfAbsent(p.resource(), r -> new ArrayList<>()).add(p));
        List<String> names = new ArrayList<>(byResource.keySet());
        ParseException refusal = new ParseException(message, names.get(0), byResource.get(names.get(0)), List.of());
        names.stream().skip(1).forEach(name ->
                refusal.getResorceReports().add(new ResourceReportImpl(name, byResource.get(name), List.of())));
        return refusal;
    }

    private static DeploymentContents.Deployed deployed(CommandContext command) {
        return new DeploymentContents.Deployed() {
            @Override
            public boolean hasProcess(String key) {
                return command.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key) != null;
            }

            @Override
            public boolean hasDecision(String key) {
                return command.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key) != null;
            }

            @Override
            public boolean hasForm(String key) {
                return command.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key) != null;
            }
        };
    }
}
