package io.opsdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.StartEventBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsdesk.Deployments;
import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;

/**
 * A manager's deployment through /engine-rest, as Camunda Modeler sends it: each unsafe or broken model is
 * refused with 400 naming the resource, the element and the rule, nothing of it is stored or run; a valid
 * change still deploys.
 */
@OpsDeskTest
class DeploymentGuardTest {

    @LocalServerPort
    int port;
    final RepositoryService repository;
    final ProcessEngineConfiguration configuration;
    @TempDir
    Path dir;

    DeploymentGuardTest(RepositoryService repository, ProcessEngineConfiguration configuration) {
        this.repository = repository;
        this.configuration = configuration;
    }

    Deployments deployments;

    @BeforeEach
    void setUp() {
        deployments = new Deployments(new Http(port));
    }

    @Test
    void reflectionThroughAnExpressionIsRefusedAndNothingRuns() throws Exception {
        Path marker = dir.resolve("pwned");
        String rce = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch "
                + marker + "')}";
        assertRefused(serviceTask(rce), "ServiceTask_Guarded", "expression", "reflection is refused");
        assertThat(Files.exists(marker)).isFalse();
    }

    @Test
    void beansThatAreNotProcessBeansAreRefused() {
        assertRefused(serviceTask("${jdbcTemplate.queryForList('select * from ACT_ID_USER')}"),
                "ServiceTask_Guarded", "expression", "'jdbcTemplate', which is not a process bean");
        assertRefused(serviceTask("${environment.getProperty('OPSDESK_SECRET')}"),
                "ServiceTask_Guarded", "expression", "not a process bean");
        assertRefused(serviceTask("${identityService.createMembership('mike', 'camunda-admin')}"),
                "ServiceTask_Guarded", "expression", "not a process bean");
    }

    @Test
    void methodsOnVariablesAndUnknownMethodsAreRefused() {
        assertRefused(serviceTask("${execution.getProcessEngine().getIdentityService()}"),
                "ServiceTask_Guarded", "expression", "only process beans' methods may be called");
        assertRefused(serviceTask("${slaDue.noSuchMethod(execution)}"), "ServiceTask_Guarded", "expression",
                "has no method noSuchMethod()");
        assertRefused(serviceTask("${customerMail.class}"), "ServiceTask_Guarded", "expression", "reflection is refused");
        assertRefused(serviceTask("${execution['processEngine']}"), "ServiceTask_Guarded", "expression", "[ ] access");
    }

    @Test
    void listenersAreCheckedLikeTasks() {
        assertRefused(model(start -> start.userTask("UserTask_Guarded").camundaCandidateGroups("support")
                        .camundaFormRef("triage-ticket").camundaFormRefBinding("latest")
                        .camundaTaskListenerClass("complete", "java.lang.Runtime")),
                "UserTask_Guarded", "class-allow-list", "not on the allow-list");
        assertRefused(model(start -> start.serviceTask("ServiceTask_Guarded").camundaDelegateExpression("${customerMail}")
                        .camundaExecutionListenerDelegateExpression("start", "${noSuchBean}")),
                "ServiceTask_Guarded", "known-bean", "does not name a process bean");
        assertRefused(model(start -> start.serviceTask("ServiceTask_Guarded").camundaDelegateExpression("${customerMail}")
                        .camundaExecutionListenerExpression("start", "${ticketSettings.reminderAfter}")),
                "ServiceTask_Guarded", "delegates-only", "camunda:delegateExpression");
    }

    @Test
    void unknownDelegatesAndClassesAreRefused() {
        assertRefused(model(start -> start.serviceTask("ServiceTask_Guarded").camundaDelegateExpression("${noSuchBean}")),
                "ServiceTask_Guarded", "known-bean", "does not name a process bean");
        assertRefused(model(start -> start.serviceTask("ServiceTask_Guarded").camundaClass("java.lang.Runtime")),
                "ServiceTask_Guarded", "class-allow-list", "not on the allow-list");
    }

    @Test
    void scriptsAreRefused() {
        assertRefused(model(start -> start.scriptTask("ScriptTask_Guarded").scriptFormat("javascript").scriptText("1")),
                "ScriptTask_Guarded", "no-scripts", "scripts are refused");
    }

    @Test
    void referencesToNothingAreRefused() {
        assertRefused(model(start -> start.userTask("UserTask_Guarded").camundaCandidateGroups("support")
                .camundaFormRef("no-such-form").camundaFormRefBinding("latest")), "UserTask_Guarded", "formRef", "names no form");
        assertRefused(model(start -> start.businessRuleTask("BusinessRuleTask_Guarded").camundaDecisionRef("no-such-decision")),
                "BusinessRuleTask_Guarded", "decisionRef", "names no decision");
        assertRefused(model(start -> start.callActivity("CallActivity_Guarded").calledElement("no-such-process")),
                "CallActivity_Guarded", "calledElement", "names no process");
    }

    @Test
    void aUserTaskNeedsAnOwnerAndAForm() {
        assertRefused(model(start -> start.userTask("UserTask_Guarded")), "UserTask_Guarded", "user-task-owner",
                "needs camunda:candidateGroups or camunda:assignee");
        assertRefused(model(start -> start.userTask("UserTask_Guarded").camundaCandidateGroups("support")),
                "UserTask_Guarded", "form-ref", "needs a Camunda Form");
    }

    @Test
    void aModelWithoutHistoryTimeToLiveOrDiagramIsRefused() {
        String noTtl = serviceTask("${customerMail}").replace("camunda:historyTimeToLive=\"30\"", "");
        assertRefused(noTtl, "Process_Guarded", "history-time-to-live", "no camunda:historyTimeToLive");
        String noDiagram = serviceTask("${customerMail}").replaceAll("(?s)<bpmndi:BPMNDiagram.*</bpmndi:BPMNDiagram>", "");
        assertRefused(noDiagram, "ServiceTask_Guarded", "diagram", "has no shape or edge in the diagram");
    }

    @Test
    void juelInADecisionTableIsRefused() {
        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                    id="Definitions_Guarded" name="Guarded" namespace="http://opsdesk.io/dmn" expressionLanguage="juel">
                  <decision id="guarded-decision" name="Guarded" camunda:historyTimeToLive="P30D">
                    <literalExpression id="LiteralExpression_Guarded"><text>${environment}</text></literalExpression>
                  </decision>
                </definitions>""";
        Http.Response response = deployments.deploy("mike", "guard-dmn", Map.of("guarded.dmn", dmn));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText())
                .contains("guarded.dmn").contains("Definitions_Guarded").contains("dmn-feel-only");
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("guarded-decision").count()).isZero();
    }

    @Test
    void aBrokenFormOrOneThatLacksAGuardedFieldIsRefusedAndTheLiveFormStays() throws Exception {
        long triageForms = repository.createDeploymentQuery().count();
        Http.Response broken = deployments.deploy("mike", "broken-form", Map.of("triage-ticket.form", "{\"id\": \"triage-ticket\", "));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("message").asText()).contains("triage-ticket.form").contains("form-json");

        String triage = Files.readString(Path.of("forms/triage-ticket.form"));
        String withoutAnalysis = triage.replace("\"key\": \"analysis\"", "\"key\": \"notes\"");
        assertThat(withoutAnalysis).isNotEqualTo(triage);
        Http.Response lacking = deployments.deploy("mike", "lacking-form", Map.of("triage-ticket.form", withoutAnalysis));
        assertThat(lacking.status()).isEqualTo(400);
        assertThat(lacking.json().get("message").asText()).contains("triage-ticket").contains("[analysis]").contains("form-fields");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(triageForms);
    }

    @Test
    void aValidChangeStillDeploys() {
        String form = """
                {"id": "guard-valid-form", "type": "default", "schemaVersion": 16,
                 "components": [{"type": "textfield", "key": "note", "label": "Note"}]}""";
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("guard-valid").camundaHistoryTimeToLive(30)
                .startEvent("StartEvent_Valid").userTask("UserTask_Valid").camundaCandidateGroups("support")
                .camundaFormRef("guard-valid-form").camundaFormRefBinding("latest")
                .serviceTask("ServiceTask_Valid").camundaDelegateExpression("${recordFailedVerification}")
                .endEvent("EndEvent_Valid").done());
        Http.Response response = deployments.deploy("mike", "guard-valid",
                Map.of("guard-valid.bpmn", bpmn, "guard-valid.form", form));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("guard-valid").count()).isEqualTo(1);
    }

    @Test
    void methodCallsOtherThanDueDateFunctionsAreRefused() {
        assertRefused(model(start -> start.serviceTask("ServiceTask_Guarded").camundaDelegateExpression("${customerMail}")
                        .userTask("UserTask_Guarded").camundaCandidateGroups("support").camundaFormRef("triage-ticket")
                        .camundaFormRefBinding("latest").camundaDueDate("${ticketSettings.getZone()}")),
                "UserTask_Guarded", "expression", "not a due-date function");
    }

    @Test
    void aStepNamesItsBeanInsteadOfAnExpression() {
        assertRefused(serviceTask("${ticketSettings.reminderAfter}"), "ServiceTask_Guarded", "delegates-only",
                "camunda:delegateExpression");
    }

    @Test
    void aDelegateExpressionMustNameABeanOfTheRightKind() {
        assertRefused(model(start -> start.serviceTask("ServiceTask_Guarded").camundaDelegateExpression("${slaDue}")),
                "ServiceTask_Guarded", "bean-kind", "is not a JavaDelegate");
        assertRefused(model(start -> start.userTask("UserTask_Guarded").camundaCandidateGroups("support")
                        .camundaFormRef("triage-ticket").camundaFormRefBinding("latest")
                        .camundaTaskListenerDelegateExpression("complete", "${customerMail}")),
                "UserTask_Guarded", "bean-kind", "is not a TaskListener");
    }

    @Test
    void aDueDateFunctionMayBeCalled() {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("guard-due-date").camundaHistoryTimeToLive(30)
                .startEvent("StartEvent_DueDate").userTask("UserTask_DueDate").camundaCandidateGroups("support")
                .camundaFormRef("triage-ticket").camundaFormRefBinding("latest")
                .camundaDueDate("${slaDue.resolutionDue(execution)}")
                .camundaTaskListenerDelegateExpression("complete", "${resolvedInSupport}")
                .endEvent("EndEvent_DueDate").done());
        Http.Response response = deployments.deploy("mike", "guard-due-date", Map.of("guard-due-date.bpmn", bpmn));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void expressionsSeeOnlyProcessBeansAtRunTime() {
        ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
        Object slaDue = engine.getCommandExecutorTxRequired().execute(command ->
                engine.getExpressionManager().createExpression("${slaDue}").getValue(StartProcessVariableScope.getSharedInstance()));
        assertThat(slaDue).isNotNull();
        for (String bean : new String[] {"jdbcTemplate", "environment", "identityService", "dataSource"}) {
            assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(command ->
                    engine.getExpressionManager().createExpression("${" + bean + "}")
                            .getValue(StartProcessVariableScope.getSharedInstance())))
                    .as(bean).hasMessageContaining("Unknown property used in expression");
        }
        // a model deployed before the guard existed still cannot reach reflection
        for (String reflection : new String[] {"${''.getClass()}", "${slaDue.class}", "${'x'.getClass().forName('java.lang.Runtime')}"}) {
            assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(command ->
                    engine.getExpressionManager().createExpression(reflection).getValue(StartProcessVariableScope.getSharedInstance())))
                    .as(reflection).hasMessageContaining("expressions may not use reflection");
        }
    }

    private void assertRefused(String bpmn, String elementId, String rule, String reason) {
        long before = repository.createDeploymentQuery().count();
        Http.Response response = deployments.deploy("mike", "guarded", Map.of("guarded.bpmn", bpmn));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode json = response.json();
        assertThat(json.get("type").asText()).isEqualTo("ParseException");
        assertThat(json.get("message").asText()).contains("guarded.bpmn").contains(elementId)
                .contains("rule: " + rule).contains(reason);
        JsonNode errors = json.at("/details/guarded.bpmn/errors");
        assertThat(errors.isArray() && !errors.isEmpty()).as(response.body()).isTrue();
        assertThat(errors.findValuesAsText("mainElementId")).contains(elementId);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("Process_Guarded").count()).isZero();
    }

    private static String serviceTask(String expression) {
        return model(start -> start.serviceTask("ServiceTask_Guarded").camundaExpression(expression));
    }

    private static String model(UnaryOperator<AbstractFlowNodeBuilder<?, ?>> body) {
        StartEventBuilder start = Bpmn.createExecutableProcess("Process_Guarded").camundaHistoryTimeToLive(30)
                .startEvent("StartEvent_Guarded");
        return Bpmn.convertToString(body.apply(start).endEvent("EndEvent_Guarded").done());
    }
}
