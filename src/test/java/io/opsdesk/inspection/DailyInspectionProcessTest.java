package io.opsdesk.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.opsdesk.OpsDeskTest;
import io.opsdesk.chat.TeamChatProcess;
import io.opsdesk.inspection.DailyInspectionProcess.Elements;
import io.opsdesk.inspection.DailyInspectionProcess.Variables;
import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.Tickets;
import io.opsdesk.ticket.TicketType;
import io.opsdesk.ticket.TimelineEntry;

/**
 * One test per path through {@code processes/daily-inspection.bpmn}, against real targets: OpsDesk's own database
 * and health endpoint, and a network target on a closed port that each test adds under its own name (so its
 * finding's fingerprint is its own) and removes again.
 */
@OpsDeskTest
class DailyInspectionProcessTest {

    private static final List<String> HEALTHY = List.of(InspectionTargets.SELF_DATABASE, InspectionTargets.SELF_HTTP);

    private final ProcessEngine processEngine;
    private final InspectionProperties properties;
    private final InspectionService inspection;
    private final Tickets tickets;
    private final IdentityService identity;
    private final JdbcClient jdbc;
    private final InspectionScheduleSync scheduleSync;
    private List<InspectionTarget> configured;

    @Autowired
    DailyInspectionProcessTest(ProcessEngine processEngine, InspectionProperties properties, InspectionService inspection,
                               Tickets tickets, IdentityService identity, JdbcClient jdbc,
                               InspectionScheduleSync scheduleSync) {
        this.scheduleSync = scheduleSync;
        this.processEngine = processEngine;
        this.properties = properties;
        this.inspection = inspection;
        this.tickets = tickets;
        this.identity = identity;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        configured = properties.getTargets();
    }

    @AfterEach
    void tearDown() {
        properties.setTargets(configured);
        properties.getSelf().setEnabled(true);
        identity.clearAuthentication();
    }

    @Test
    void healthyRunOpensNoTicketAndSupportReviewsIt() throws IOException {
        identity.setAuthentication("alice", List.of("support"));
        ProcessInstance process = runtimeService().startProcessInstanceByKey(DailyInspectionProcess.KEY,
                Map.of(Variables.TARGET_NAMES, HEALTHY));
        identity.clearAuthentication();
        runJobs(process);

        assertThat(process).isWaitingAt(Elements.REVIEW).hasPassed(Elements.MANUAL_START, Elements.CHECK_TARGET, Elements.RECORD_FINDINGS)
                .variables().containsEntry(Variables.NEW_TICKET_COUNT, 0).containsEntry(Variables.UPDATED_TICKET_COUNT, 0);
        assertThat(reviewTask(process)).hasCandidateGroup("support");
        assertThat(processEngine.getFormService().getDeployedTaskForm(reviewTask(process).getId()))
                .asString(java.nio.charset.StandardCharsets.UTF_8).contains("\"id\": \"" + DailyInspectionProcess.REVIEW_FORM + "\"");
        long runId = runId(process);
        assertThat(inspection.run(runId).triggeredBy()).isEqualTo("manual:alice");
        assertThat((String) taskService().getVariableLocal(reviewTask(process).getId(), Variables.SUMMARY))
                .contains("OK  opsdesk-database", "OK  opsdesk-http", "Tickets: 0 opened, 0 updated");

        complete(reviewTask(process), withVariables("machineRoomChecked", true, "backupsVerified", true, "certificatesChecked", false,
                Variables.REVIEW_COMMENT, "Certificates next week"));

        assertThat(process).isEnded().hasPassed(Elements.REVIEWED);
        Map<String, Object> review = jdbc.sql("select reviewed_at, review_comment, checklist from inspection_run where id = :id")
                .param("id", runId).query().singleRow();
        assertThat(review.get("reviewed_at")).isNotNull();
        assertThat(review.get("review_comment")).isEqualTo("Certificates next week");
        assertThat(review.get("checklist")).isEqualTo("{\"machineRoomChecked\":true,\"backupsVerified\":true,"
                + "\"certificatesChecked\":false,\"incidentsReviewed\":false}");
    }

    @Test
    void findingOpensOneFaultTicketWithTheEvidence() throws IOException {
        String target = addClosedPortTarget();
        ProcessInstance process = runInspectionOf(target);

        assertThat(process).isWaitingAt(Elements.REVIEW).variables()
                .containsEntry(Variables.NEW_TICKET_COUNT, 1).containsEntry(Variables.UPDATED_TICKET_COUNT, 0);
        Ticket ticket = ticketFor(onlyFinding(process));
        assertThat(ticket.source()).isEqualTo("INSPECTION");
        assertThat(ticket.type()).isEqualTo(TicketType.FAULT);
        assertThat(List.of(ticket.impact(), ticket.urgency())).containsOnly(Level.HIGH);
        assertThat(ticket.system()).isEqualTo(target);
        assertThat(ticket.customerEmail()).isEqualTo(properties.getReporterEmail());
        assertThat(ticket.customerLocale()).isEqualTo("zh-CN");
        assertThat(ticket.description()).contains("Target: " + target + " (NETWORK)", "Status: FAILED",
                "Occurrences in this run: 1", "ConnectException");
        assertThat((String) taskService().getVariableLocal(reviewTask(process).getId(), Variables.SUMMARY))
                .contains("FAILED  " + target, ticket.key() + " opened");
        // the failed check also goes to support's team chat, sent in a job of its own
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(TeamChatProcess.KEY)
                .variableValueLike(TeamChatProcess.Variables.TITLE, "[巡检 #" + runId(process) + "]%").count()).isOne();
    }

    @Test
    void stackTraceInALogOpensAMediumTicketWithCountAndFirstAndLastSeen(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("app.log");
        Files.writeString(log, String.join("\n", stackTrace(4711, "10:00:01"), stackTrace(4712, "10:05:09")) + "\n");
        String target = addTarget("shop-log-", name -> {
            InspectionTarget logs = new InspectionTarget(name, TargetKind.LOGS);
            logs.getLogs().getPaths().add(log.toString());
            return logs;
        });

        ProcessInstance process = runInspectionOf(target);

        assertThat(process).variables().containsEntry(Variables.NEW_TICKET_COUNT, 1);
        Ticket ticket = ticketFor(onlyFinding(process));
        assertThat(List.of(ticket.impact(), ticket.urgency())).containsOnly(Level.MEDIUM);
        assertThat(ticket.title()).contains("IllegalStateException: Order <n> not found");
        assertThat(ticket.description()).contains("Status: WARNING", "Occurrences in this run: 2", "First seen: ", "10:00:01",
                "Last seen: ", "10:05:09", "\tat io.shop.Orders.find(Orders.java:42)");
    }

    @Test
    void aDatabaseLimitCrossedOpensAFaultTicketInChineseAndEnglish(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:" + dir.resolve("ledger");
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("create table ledger (id int primary key)");
        }
        String target = addTarget("ledger-db-", name -> {
            InspectionTarget database = new InspectionTarget(name, TargetKind.DATABASE);
            database.getDatabase().setUrl(url);
            database.getDatabase().setUsername("sa");
            database.getDatabase().setPassword("");
            database.getDatabase().setMaxDatabaseSize(org.springframework.util.unit.DataSize.ofBytes(1024));
            return database;
        });

        ProcessInstance process = runInspectionOf(target);

        assertThat(process).variables().containsEntry(Variables.NEW_TICKET_COUNT, 1);
        Finding finding = onlyFinding(process);
        assertThat(finding.fingerprint()).isEqualTo(Finding.fingerprint(properties.getTargets().stream()
                .filter(t -> t.getName().equals(target)).findFirst().orElseThrow(), "size:database file"));
        Ticket ticket = ticketFor(finding);
        assertThat(ticket.type()).isEqualTo(TicketType.FAULT);
        assertThat(List.of(ticket.impact(), ticket.urgency())).containsOnly(Level.MEDIUM);
        assertThat(ticket.title()).startsWith(target + "：database file 大小 ").contains("超过上限 1.0 KB / database file size ");
        assertThat(ticket.description()).contains("Target: " + target + " (DATABASE)", "Status: WARNING", "max-database-size 1.0 KB");
    }

    private static String stackTrace(int order, String time) {
        return "2026-11-25 " + time + ".000 ERROR 4242 --- [exec-1] o.s.Orders : Lookup failed\n"
                + "java.lang.IllegalStateException: Order " + order + " not found\n"
                + "\tat io.shop.Orders.find(Orders.java:42)\n"
                + "\tat io.shop.OrderController.show(OrderController.java:17)";
    }

    @Test
    void sameFindingAgainAddsToTheOpenTicketInsteadOfOpeningAnother() throws IOException {
        String target = addClosedPortTarget();
        Finding first = onlyFinding(runInspectionOf(target));
        Ticket ticket = ticketFor(first);

        ProcessInstance second = runInspectionOf(target);

        assertThat(second).variables().containsEntry(Variables.NEW_TICKET_COUNT, 0).containsEntry(Variables.UPDATED_TICKET_COUNT, 1);
        assertThat(onlyFinding(second).fingerprint()).isEqualTo(first.fingerprint());
        assertThat(jdbc.sql("select count(*) from ticket where finding_fingerprint = :f").param("f", first.fingerprint())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(tickets.timeline(ticket.key(), true)).extracting(TimelineEntry::type).containsOnlyOnce(FindingTickets.RECURRED);
        assertThat((String) taskService().getVariableLocal(reviewTask(second).getId(), Variables.SUMMARY)).contains(ticket.key() + " updated");
    }

    @Test
    void checkThatBreaksDownIsRetriedAMinuteLater() throws IOException {
        String target = addClosedPortTarget();
        ProcessInstance process = runtimeService().startProcessInstanceByKey(DailyInspectionProcess.KEY,
                Map.of(Variables.TARGET_NAMES, List.of(target)));
        properties.setTargets(configured);

        Job check = jobQuery().processInstanceId(process.getId()).singleResult();
        assertThatThrownBy(() -> managementService().executeJob(check.getId())).hasMessageContaining(target);

        Job retry = jobQuery().processInstanceId(process.getId()).singleResult();
        assertThat(retry.getRetries()).isEqualTo(2);
        assertThat(retry.getDuedate()).isAfter(new java.util.Date(System.currentTimeMillis() + 50_000));
        runtimeService().deleteProcessInstance(process.getId(), "test");
    }

    @Test
    void timerStartsTheInspectionOnTheConfiguredSchedule() throws IOException {
        Job timer = scheduleTimer();
        assertThat(((TimerEntity) timer).getRepeat()).isEqualTo(properties.getSchedule()).isEqualTo("0 0 9 ? * MON-FRI");
        LocalDateTime due = LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault());
        assertThat(due.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(due.toLocalTime()).hasToString("09:00");

        properties.getSelf().setEnabled(false);
        String target = addClosedPortTarget();
        managementService().executeJob(timer.getId());

        ProcessInstance scheduled = runtimeService().createProcessInstanceQuery().processDefinitionKey(DailyInspectionProcess.SCHEDULE_KEY)
                .active().list().get(0);
        assertThat(scheduled).isWaitingAt(Elements.CALL_INSPECTION);
        ProcessInstance called = runtimeService().createProcessInstanceQuery().superProcessInstanceId(scheduled.getId()).singleResult();
        assertThat(called.getProcessDefinitionId()).startsWith(DailyInspectionProcess.KEY + ":");
        assertThat(inspection.run(runId(called)).triggeredBy()).isEqualTo("schedule");
        assertThat(runtimeService().getVariable(called.getId(), Variables.TARGET_NAMES)).isEqualTo(List.of(target));
        assertThat(scheduleTimer().getId()).isNotEqualTo(timer.getId());
        runtimeService().deleteProcessInstance(scheduled.getId(), "test");
    }

    @Test
    void changedScheduleReschedulesTheTimer() {
        String configured = properties.getSchedule();
        try {
            properties.setSchedule("0 30 8 ? * MON-SAT");
            assertThat(scheduleSync.apply()).isTrue();
            assertThat(((TimerEntity) scheduleTimer()).getRepeat()).isEqualTo("0 30 8 ? * MON-SAT");
            assertThat(scheduleSync.apply()).isFalse();
        } finally {
            properties.setSchedule(configured);
            scheduleSync.apply();
        }
        assertThat(((TimerEntity) scheduleTimer()).getRepeat()).isEqualTo(configured);
    }

    private static Job scheduleTimer() {
        return managementService().createJobQuery().processDefinitionKey(DailyInspectionProcess.SCHEDULE_KEY).timers()
                .activityId(Elements.SCHEDULED_START).singleResult();
    }

    private String addClosedPortTarget() throws IOException {
        int port = NetworkCheckTest.closedPort();
        return addTarget("gateway-", name -> {
            InspectionTarget target = new InspectionTarget(name, TargetKind.NETWORK);
            target.getNetwork().setHost("127.0.0.1");
            target.getNetwork().setPort(port);
            return target;
        });
    }

    /** Adds a target under a name of its own, so its findings' fingerprints are this test's alone. */
    private String addTarget(String prefix, java.util.function.Function<String, InspectionTarget> target) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        List<InspectionTarget> targets = new ArrayList<>(properties.getTargets());
        targets.add(target.apply(name));
        properties.setTargets(targets);
        return name;
    }

    private ProcessInstance runInspectionOf(String target) {
        ProcessInstance process = runtimeService().startProcessInstanceByKey(DailyInspectionProcess.KEY,
                Map.of(Variables.TARGET_NAMES, List.of(target)));
        runJobs(process);
        return process;
    }

    private static void runJobs(ProcessInstance process) {
        for (Job job = nextJob(process); job != null; job = nextJob(process)) {
            managementService().executeJob(job.getId());
        }
    }

    private static Job nextJob(ProcessInstance process) {
        return jobQuery().processInstanceId(process.getId()).executable().list().stream().findFirst().orElse(null);
    }

    private static org.camunda.bpm.engine.task.Task reviewTask(ProcessInstance process) {
        return taskService().createTaskQuery().processInstanceId(process.getId()).singleResult();
    }

    private static long runId(ProcessInstance process) {
        return ((Number) runtimeService().getVariable(process.getId(), Variables.RUN_ID)).longValue();
    }

    private Finding onlyFinding(ProcessInstance process) {
        List<Finding> findings = inspection.run(runId(process)).results().stream().flatMap(r -> r.findings().stream()).toList();
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    private Ticket ticketFor(Finding finding) {
        return tickets.findOpenForFinding(finding.fingerprint()).orElseThrow();
    }
}
