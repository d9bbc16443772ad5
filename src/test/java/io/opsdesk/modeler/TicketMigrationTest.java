package io.opsdesk.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsdesk.Http;
import io.opsdesk.Jobs;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.Tasklist;
import io.opsdesk.ticket.process.SupportTicketProcess;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/**
 * A manager redeploys {@code support-ticket.bpmn} from Camunda Modeler: new tickets start on the new
 * version, running ones stay until {@code POST /api/processes/support-ticket/migrations} moves them, first
 * as a dry run, then as a Camunda batch; their timelines say so and they go on to the end. Runs in a JVM
 * of its own (surefire execution "modeler"); after each test the repository's model is deployed again,
 * so the latest version always behaves as the shipped one.
 */
@OpsDeskTest
class TicketMigrationTest {

    static final String PATH = "/api/processes/support-ticket/migrations";

    @LocalServerPort
    int port;
    final ProcessEngine engine;

    Http http;
    Modeler mike;
    TicketFixture tickets;
    Tasklist alice;

    TicketMigrationTest(ProcessEngine engine) {
        this.engine = engine;
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        mike = new Modeler(http, "mike");
        tickets = new TicketFixture(http);
        alice = new Tasklist(http, "alice");
    }

    @AfterEach
    void restoreModel() {
        mike.deploy("support-ticket (restored)", "support-ticket.bpmn", Modeler.model("support-ticket.bpmn"));
    }

    @Test
    void redeployedModelIsForNewTicketsUntilRunningOnesAreMigratedAndTheyFinishOnIt() {
        TicketFixture.Opened resolving = resolvingInSupport("Waits in support while the model changes");
        TicketFixture.Opened triaging = tickets.open("Waits for triage while the model changes");
        int before = version(triaging.key());
        assertThat(version(resolving.key())).isEqualTo(before);

        mike.deploy("support-ticket", "support-ticket.bpmn", Modeler.model("support-ticket.bpmn")
                .replace("name=\"Support ticket\"", "name=\"Support ticket (reviewed wording)\""));
        int after = before + 1;
        assertThat(version(tickets.open("Opened after the redeployment").key())).isEqualTo(after);
        assertThat(version(resolving.key())).isEqualTo(before);

        Map<String, Object> request = Map.of("sourceVersion", before, "targetVersion", after, "dryRun", true);
        JsonNode dryRun = migrate(request, "mike", 200);
        assertThat(ticket(dryRun, resolving.key()).get("migratable").asBoolean()).isTrue();
        assertThat(ticket(dryRun, resolving.key()).get("activities").toString()).contains(Elements.RESOLVE_IN_SUPPORT);
        assertThat(ticket(dryRun, triaging.key()).get("migratable").asBoolean()).isTrue();
        assertThat(dryRun.get("batchIds")).isEmpty();
        assertThat(version(resolving.key())).as("a dry run moves nothing").isEqualTo(before);
        assertThat(migrationEntries(resolving.key())).isEmpty();

        JsonNode real = migrate(Map.of("sourceVersion", before, "targetVersion", after), "mike", 202);
        assertThat(real.get("batchIds")).hasSize(1);
        String batchId = real.get("batchIds").get(0).asText();
        assertThat(engine.getManagementService().createBatchQuery().batchId(batchId).count())
                .as("a batch Cockpit shows").isEqualTo(1);
        Modeler.runBatch(engine, batchId);

        for (TicketFixture.Opened moved : List.of(resolving, triaging)) {
            assertThat(version(moved.key())).isEqualTo(after);
            assertThat(migrationEntries(moved.key())).containsExactly(
                    "Support process moved from version " + before + " to version " + after
                            + " / 支持流程已从版本 " + before + " 迁移到版本 " + after);
        }
        alice.complete(resolving.key(), Elements.RESOLVE_IN_SUPPORT, Map.of(
                Variables.RESOLUTION, "Re-ran the export with the corrected filter."));
        Jobs.runDue(engine, resolving.key());
        assertThat(tickets.read(resolving.key()).get("status").asText()).isEqualTo("AWAITING_ACCEPTANCE");
        Http.Response accepted = http.postJson("/api/tickets/" + resolving.key() + "/acceptance",
                Map.of("accepted", true, "rating", 5), "X-Tracking-Token", resolving.token());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(tickets.read(resolving.key()).get("status").asText()).isEqualTo("CLOSED");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(resolving.key()).singleResult().getProcessDefinitionVersion()).isEqualTo(after);
    }

    @Test
    void ticketWhoseActivityIsGoneIsReportedWithTheReasonAndStaysWhereItIs() {
        TicketFixture.Opened resolving = resolvingInSupport("Waits in a task the new model no longer has");
        TicketFixture.Opened triaging = tickets.open("Waits for triage, which the new model still has");
        int before = version(resolving.key());
        mike.deploy("support-ticket", "support-ticket.bpmn", Modeler.model("support-ticket.bpmn")
                .replace(Elements.RESOLVE_IN_SUPPORT, "UserTask_ResolveAtServiceDesk"));
        int after = before + 1;

        JsonNode dryRun = migrate(Map.of("sourceVersion", before, "targetVersion", after, "dryRun", true), "mike", 200);
        JsonNode refused = ticket(dryRun, resolving.key());
        assertThat(refused.get("migratable").asBoolean()).isFalse();
        assertThat(refused.get("reasons").toString()).contains(Elements.RESOLVE_IN_SUPPORT)
                .containsIgnoringCase("no migration instruction");
        assertThat(ticket(dryRun, triaging.key()).get("migratable").asBoolean()).isTrue();

        JsonNode real = migrate(Map.of("sourceVersion", before, "targetVersion", after), "mike", 202);
        assertThat(ticket(real, resolving.key()).get("migratable").asBoolean()).isFalse();
        Modeler.runBatch(engine, real.get("batchIds").get(0).asText());
        assertThat(version(resolving.key())).isEqualTo(before);
        assertThat(migrationEntries(resolving.key())).isEmpty();
        assertThat(version(triaging.key())).isEqualTo(after);
        alice.complete(resolving.key(), Elements.RESOLVE_IN_SUPPORT, Map.of(Variables.RESOLUTION, "Solved on the old version."));
        Jobs.runDue(engine, resolving.key());
        assertThat(tickets.read(resolving.key()).get("status").asText()).isEqualTo("AWAITING_ACCEPTANCE");
    }

    @Test
    void ticketThatMovesOnBeforeTheBatchRunsStaysAndItsTimelineSaysNothing() {
        TicketFixture.Opened ticket = tickets.open("Triaged after the migration was requested");
        Jobs.runDue(engine, ticket.key());
        int before = version(ticket.key());
        mike.deploy("support-ticket", "support-ticket.bpmn", Modeler.model("support-ticket.bpmn")
                .replace(Elements.RESOLVE_IN_SUPPORT, "UserTask_ResolveAtServiceDesk"));
        int after = before + 1;
        JsonNode real = migrate(Map.of("sourceVersion", before, "targetVersion", after), "mike", 202);
        assertThat(ticket(real, ticket.key()).get("migratable").asBoolean()).isTrue();

        triageToSupport(ticket.key());
        String instanceId = ticket(real, ticket.key()).get("processInstanceId").asText();
        List<String> failures = Modeler.runBatchOnce(engine, real.get("batchIds").get(0).asText());
        assertThat(failures).anySatisfy(failure -> assertThat(failure).contains(instanceId)
                .contains(Elements.RESOLVE_IN_SUPPORT));
        assertThat(version(ticket.key())).isEqualTo(before);
        assertThat(migrationEntries(ticket.key())).isEmpty();
        engine.getManagementService().deleteBatch(real.get("batchIds").get(0).asText(), true);
    }

    private TicketFixture.Opened resolvingInSupport(String title) {
        TicketFixture.Opened opened = tickets.open(title);
        Jobs.runDue(engine, opened.key());
        triageToSupport(opened.key());
        return opened;
    }

    private void triageToSupport(String ticketKey) {
        alice.complete(ticketKey, Elements.TRIAGE, Map.of(
                Variables.TICKET_TYPE, "FAULT", Variables.IMPACT, "HIGH", Variables.URGENCY, "MEDIUM",
                Variables.ANALYSIS, "A filter setting, no code change needed",
                Variables.TRIAGE_OUTCOME, "RESOLVE_IN_SUPPORT",
                Variables.HANDLING_PLAN, "Support corrects the filter today."));
        Jobs.runDue(engine, ticketKey);
    }

    private JsonNode migrate(Object body, String user, int status) {
        Http.Response response = http.postJson(PATH, body, "Authorization", Http.basic(user, user));
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.json();
    }

    private int version(String ticketKey) {
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(SupportTicketProcess.KEY).processInstanceBusinessKey(ticketKey).singleResult();
        return engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getVersion();
    }

    private static JsonNode ticket(JsonNode report, String ticketKey) {
        for (JsonNode ticket : report.get("tickets")) {
            if (ticket.get("ticketKey").asText().equals(ticketKey)) {
                return ticket;
            }
        }
        throw new AssertionError(ticketKey + " is not in the report " + report);
    }

    private List<String> migrationEntries(String ticketKey) {
        return tickets.read(ticketKey).get("timeline").findParents("type").stream()
                .filter(entry -> "MIGRATED".equals(entry.get("type").asText()))
                .map(entry -> entry.get("message").asText()).toList();
    }
}
