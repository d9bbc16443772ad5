package io.opsdesk.report;

import static io.opsdesk.inspection.InspectionTargets.SELF_DATABASE;
import static io.opsdesk.inspection.InspectionTargets.SELF_HOST;
import static io.opsdesk.inspection.InspectionTargets.SELF_HTTP;
import static io.opsdesk.inspection.InspectionTargets.SELF_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;

import javax.imageio.ImageIO;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.inspection.CheckResult;
import io.opsdesk.inspection.CheckStatus;
import io.opsdesk.inspection.DailyInspectionProcess;
import io.opsdesk.inspection.DailyInspectionProcess.Elements;
import io.opsdesk.inspection.DailyInspectionProcess.Variables;
import io.opsdesk.inspection.Finding;
import io.opsdesk.inspection.InspectionRun;
import io.opsdesk.inspection.InspectionService;
import io.opsdesk.testing.Needs;
import io.opsdesk.testing.Prerequisite;

/**
 * The inspection and the operations report as one journey with the default targets: support starts a run from
 * Tasklist, it reads OpsDesk's own log, finds an exception OpsDesk logged and opens one FAULT ticket for it, the next
 * run opens none, and the manager's report for the last seven days lists the ticket among its hot spots with charts.
 */
@OpsDeskTest
@Needs(Prerequisite.CHINESE_FONT)
class InspectionHotSpotJourneyTest {

    private static final String ALICE = Http.basic("alice", "alice");
    private static final String MIKE = Http.basic("mike", "mike");
    private static final Logger NIGHTLY_EXPORT = LoggerFactory.getLogger("io.opsdesk.billing.NightlyExport");

    private final ProcessEngine engine;
    private final InspectionService inspection;
    private final JdbcClient jdbc;
    private final Http http;

    @Autowired
    InspectionHotSpotJourneyTest(ProcessEngine engine, InspectionService inspection, JdbcClient jdbc, @LocalServerPort int port) {
        this.engine = engine;
        this.inspection = inspection;
        this.jdbc = jdbc;
        this.http = new Http(port);
    }

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void exceptionInOpsDesksLogBecomesOneTicketAndAHotSpotOfTheWeeksReport() throws IOException {
        assertThat(inspection.targetNames()).containsExactly(SELF_HOST, SELF_DATABASE, SELF_HTTP, SELF_LOG);
        readOwnLogToItsEnd();
        // a ledger name of letters, which the normaliser keeps: this run's finding is its own, whatever the log held before
        String ledger = ThreadLocalRandom.current().ints(10, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        NIGHTLY_EXPORT.error("Nightly export failed", new IllegalStateException("Ledger " + ledger + " locked by batch 41"));
        NIGHTLY_EXPORT.error("Nightly export failed", new IllegalStateException("Ledger " + ledger + " locked by batch 42"));

        ProcessInstance first = inspectFromTasklist();

        CheckResult log = result(first, SELF_LOG);
        assertThat(log.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(log.findings()).hasSize(1);
        Finding finding = log.findings().get(0);
        assertThat(finding.title()).isEqualTo("opsdesk-log: IllegalStateException: Ledger " + ledger + " locked by batch <n>");
        assertThat(finding.count()).isEqualTo(2);
        List<String> keys = jdbc.sql("select ticket_key from ticket where title like :title")
                .param("title", "%Ledger " + ledger + " locked%").query(String.class).list();
        assertThat(keys).hasSize(1);
        String key = keys.get(0);
        assertThat(jdbc.sql("select ticket_key from ticket where finding_fingerprint = :f").param("f", finding.fingerprint())
                .query(String.class).list()).containsExactly(key);
        JsonNode ticket = http.get("/api/tickets/" + key, "Authorization", ALICE).json();
        assertThat(List.of(ticket.get("type").asText(), ticket.get("source").asText(), ticket.get("system").asText()))
                .containsExactly("FAULT", "INSPECTION", SELF_LOG);
        assertThat(ticket.get("title").asText()).isEqualTo(finding.title());
        assertThat(ticket.get("description").asText()).contains("Target: opsdesk-log (LOGS)", "Occurrences in this run: 2",
                "Nightly export failed", "java.lang.IllegalStateException: Ledger " + ledger + " locked by batch 41",
                "\tat io.opsdesk.report.InspectionHotSpotJourneyTest.");
        assertThat(ticket.get("timeline").findValuesAsText("message")).contains("Ticket received via INSPECTION");
        reviewInTasklist(first, key + " opened");
        long inspectionTickets = inspectionTickets();

        ProcessInstance second = inspectFromTasklist();

        // nothing was logged since, so nothing is found and nothing opened
        assertThat(result(second, SELF_LOG).status()).isEqualTo(CheckStatus.OK);
        assertThat(second).variables().containsEntry(Variables.NEW_TICKET_COUNT, 0);
        assertThat(jdbc.sql("select ticket_key from ticket where title like :title")
                .param("title", "%Ledger " + ledger + " locked%").query(String.class).list()).containsExactly(key);
        assertThat(inspectionTickets()).isEqualTo(inspectionTickets);
        reviewInTasklist(second, "Tickets: 0 opened");

        Http.Response created = http.postJson("/api/reports", "{}", "Authorization", MIKE);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/reports/" + id);
        JsonNode report = http.get(created.header("Location"), "Authorization", MIKE).json();
        assertThat(report.at("/period/kind").asText()).isEqualTo("LAST_7_DAYS");
        JsonNode hotSpot = StreamSupport.stream(report.get("hotSpots").spliterator(), false)
                .filter(h -> h.path("ticketKey").asText().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError(key + " is no hot spot of " + report.get("hotSpots")));
        assertThat(hotSpot.get("target").asText()).isEqualTo(SELF_LOG);
        assertThat(hotSpot.get("title").asText()).isEqualTo(finding.title());
        assertThat(hotSpot.get("occurrences").asLong()).isEqualTo(2);
        assertThat(hotSpot.get("runs").asLong()).isEqualTo(1);
        assertThat(hotSpot.get("ticketStatus").asText()).isEqualTo(ticket.get("status").asText());

        Http.Response page = http.get("/reports/" + id, "Authorization", MIKE);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(key + " (" + ticket.get("status").asText() + ")", "Ledger " + ledger + " locked by batch");
        for (ReportChart chart : ReportChart.values()) {
            assertThat(page.body()).contains("src=\"/reports/" + id + "/charts/" + chart.fileName() + ".png\"");
            Http.Response png = http.getBytes("/reports/" + id + "/charts/" + chart.fileName() + ".png", "Authorization", MIKE);
            assertThat(png.status()).as(chart.name()).isEqualTo(200);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.bytes()));
            assertThat(image).as(chart.name()).isNotNull();
            assertThat(List.of(image.getWidth(), image.getHeight())).as(chart.name()).containsExactly(800, 400);
        }
        ProcessInstance reportProcess = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(OperationsReportProcess.KEY).variableValueEquals(OperationsReportProcess.Variables.REPORT_ID, id)
                .singleResult();
        execute(job(OperationsReportProcess.Elements.MAIL, reportProcess));
        assertThat(reportProcess).isEnded();
    }

    /**
     * Runs inspections until OpsDesk's log is read to its end, so that the journey's runs see only what it logs
     * itself, not what earlier tests (or earlier test JVMs, into the same file) logged.
     */
    private void readOwnLogToItsEnd() {
        for (int run = 0; run < 5; run++) {
            InspectionRun drained = inspection.runAll("test:drain");
            if (!result(drained, SELF_LOG).message().contains("left for the next run")) {
                return;
            }
        }
        throw new AssertionError("OpsDesk's log was not read to its end in five runs");
    }

    /** Starts a run as support does in Tasklist ("Start process") and runs its jobs, as the job executor would. */
    private ProcessInstance inspectFromTasklist() {
        Http.Response started = http.postJson("/engine-rest/process-definition/key/" + DailyInspectionProcess.KEY + "/start",
                "{}", "Authorization", ALICE);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        ProcessInstance process = runtimeService().createProcessInstanceQuery()
                .processInstanceId(started.json().get("id").asText()).singleResult();
        for (Job job = nextJob(process); job != null; job = nextJob(process)) {
            managementService().executeJob(job.getId());
        }
        assertThat(process).isWaitingAt(Elements.REVIEW).hasPassed(Elements.START_RUN, Elements.CHECK_TARGET, Elements.RECORD_FINDINGS);
        assertThat(inspection.run(runId(process)).triggeredBy()).isEqualTo("manual:alice");
        return process;
    }

    private static Job nextJob(ProcessInstance process) {
        return jobQuery().processInstanceId(process.getId()).executable().list().stream().findFirst().orElse(null);
    }

    /** Support reads the run's summary in the review form, claims the task and completes it. */
    private void reviewInTasklist(ProcessInstance process, String summaryLine) {
        JsonNode tasks = http.get("/engine-rest/task?processInstanceId=" + process.getId(), "Authorization", ALICE).json();
        assertThat(tasks).hasSize(1);
        String task = tasks.get(0).get("id").asText();
        JsonNode form = http.get("/engine-rest/task/" + task + "/form-variables", "Authorization", ALICE).json();
        assertThat(form.path(Variables.SUMMARY).path("value").asText()).contains(summaryLine);
        Http.Response claimed = http.postJson("/engine-rest/task/" + task + "/claim", Map.of("userId", "alice"), "Authorization", ALICE);
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
        Http.Response completed = http.postJson("/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
                "incidentsReviewed", Map.of("value", true), Variables.REVIEW_COMMENT, Map.of("value", "Nightly export ticket"))),
                "Authorization", ALICE);
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
        assertThat(process).isEnded().hasPassed(Elements.REVIEWED);
    }

    private CheckResult result(ProcessInstance process, String target) {
        return result(inspection.run(runId(process)), target);
    }

    private static CheckResult result(InspectionRun run, String target) {
        return run.results().stream().filter(r -> r.target().equals(target)).findFirst()
                .orElseThrow(() -> new AssertionError("run " + run.id() + " has no result for " + target));
    }

    private static long runId(ProcessInstance process) {
        return ((Number) runtimeService().getVariable(process.getId(), Variables.RUN_ID)).longValue();
    }

    private long inspectionTickets() {
        return jdbc.sql("select count(*) from ticket where source = 'INSPECTION'").query(Long.class).single();
    }
}
