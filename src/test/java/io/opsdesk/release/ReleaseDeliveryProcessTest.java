package io.opsdesk.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;

import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.TestMailServer;
import io.opsdesk.ticket.process.SupportTicketProcess;
import io.opsdesk.release.TicketsForRelease.Case;
import io.opsdesk.release.ReleaseDeliveryProcess.Elements;
import io.opsdesk.release.ReleaseDeliveryProcess.Variables;
import io.opsdesk.ticket.Tickets;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.ticket.TicketStatus;
import io.opsdesk.ticket.TimelineEntry;

import jakarta.mail.internet.MimeMessage;

/**
 * Every path through {@code processes/release-delivery.bpmn} with real tickets whose verified fix waits for a
 * release: approved, deployed in the maintenance window and delivered (the customers get the delivery mail);
 * not approved; rolled back (mailed to the supervisors) and shipped with the next release. Requests come through
 * the API and Tasklist's REST calls; the engine clock is moved so that the window is known.
 */
@OpsDeskTest
class ReleaseDeliveryProcessTest {

    private static final ZoneId TEAM_ZONE = ZoneId.of("Asia/Shanghai");
    /** A Monday morning; the default window is Tuesday and Thursday 22:00 to 24:00. */
    private static final ZonedDateTime MONDAY_MORNING = ZonedDateTime.of(2026, 12, 7, 10, 0, 0, 0, TEAM_ZONE);
    private static final String ALICE = Http.basic("alice", "alice");
    private static final String CAROL = Http.basic("carol", "carol");

    private final ProcessEngine engine;
    private final Tickets tickets;
    private final ReleaseService releases;
    private final GreenMail greenMail;
    private final IdentityService identity;
    private final TicketsForRelease fixtures;
    private Http http;

    @LocalServerPort
    int port;

    @Autowired
    ReleaseDeliveryProcessTest(ProcessEngine engine, TicketService ticketService, Tickets tickets,
                               ReleaseService releases, GreenMail greenMail) {
        this.engine = engine;
        this.tickets = tickets;
        this.releases = releases;
        this.greenMail = greenMail;
        this.identity = engine.getIdentityService();
        this.fixtures = new TicketsForRelease(ticketService);
    }

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        http = new Http(port);
        ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.toInstant()));
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void verifiedFixThatShipsWithAReleaseWaitsForOneInsteadOfBeingDelivered() {
        Case ticket = awaitingRelease("en");

        assertThat(ticket.process()).hasPassed(SupportTicketProcess.Elements.NEEDS_RELEASE)
                .hasNotPassed(SupportTicketProcess.Elements.SEND_DELIVERY);
        assertThat(tickets.find(ticket.key()).orElseThrow().status()).isEqualTo(TicketStatus.IN_TESTING);
        assertThat(mailsTo(ticket.email())).hasSize(2); // acknowledgement and handling plan, no delivery
        assertThat(publicTimeline(ticket)).contains("The fix passed our tests; it goes live with the next release in a maintenance window");
        Http.Response waiting = http.get("/api/releases/waiting-tickets", "Authorization", ALICE);
        assertThat(waiting.status()).as(waiting.body()).isEqualTo(200);
        assertThat(waiting.json().findValuesAsText("key")).contains(ticket.key());
    }

    @Test
    void approvedReleaseWaitsForTheWindowIsDeployedWithTheChecklistVerifiedAndDeliversItsTickets() {
        Case english = awaitingRelease("en");
        Case chinese = awaitingRelease("zh-CN");

        Http.Response created = http.postJson("/api/releases", Map.of("version", "2.4.1", "summary", "Tax and export fixes",
                "tickets", List.of(english.key(), chinese.key())), "Authorization", ALICE);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.json().get("key").asText();
        assertThat(created.header("Location")).isEqualTo("/api/releases/" + key);
        assertThat(created.json().get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(created.json().get("requestedBy").asText()).isEqualTo("alice");
        String notes = http.get("/api/releases/" + key + "/notes", "Authorization", ALICE).body();
        assertThat(notes).startsWith("Release 2.4.1\n\nTax and export fixes\n\nDelivers 2 tickets:\n- " + english.key()
                + " [FAULT, P2, billing] Invoice PDF shows the wrong tax rate\n  Tax rate read from the customer's region\n- "
                + chinese.key() + " [FAULT, P2, billing]");
        ProcessInstance release = releaseProcess(key);
        assertThat(release).hasBusinessKey(key).isWaitingAt(Elements.APPROVE).task().hasCandidateGroup("supervisors");
        assertThat(task(Elements.APPROVE, release).getName()).isEqualTo(key + " · 审批发布：2.4.1");
        assertThat(http.get("/api/releases/waiting-tickets", "Authorization", ALICE).json().findValuesAsText("key"))
                .doesNotContain(english.key(), chinese.key());

        // support may not approve; the supervisor does, in Tasklist
        assertThat(completeInTasklist(release, Elements.APPROVE, ALICE, Map.of(Variables.APPROVED, true)).status()).isEqualTo(403);
        assertThat(completeInTasklist(release, Elements.APPROVE, CAROL, Map.of(Variables.APPROVED, true,
                Variables.APPROVAL_COMMENT, "Go")).status()).isEqualTo(204);

        // the next window: Tuesday 22:00 Shanghai
        Instant windowStart = ZonedDateTime.of(2026, 12, 8, 22, 0, 0, 0, TEAM_ZONE).toInstant();
        assertThat(release).isWaitingAt(Elements.MAINTENANCE_WINDOW);
        Release scheduled = releases.find(key).orElseThrow();
        assertThat(scheduled.status()).isEqualTo(ReleaseStatus.SCHEDULED);
        assertThat(scheduled.decidedBy()).isEqualTo("carol");
        assertThat(scheduled.windowStart()).isEqualTo(windowStart);
        assertThat(scheduled.windowEnd()).isEqualTo(windowStart.plusSeconds(2 * 3600));
        assertThat(publicTimeline(english)).contains("The fix goes live with release 2.4.1 in the maintenance window "
                + "2026-12-08 22:00 to 2026-12-09 00:00 (Asia/Shanghai)");
        fireTimer(release, windowStart);

        assertThat(release).isWaitingAt(Elements.DEPLOY).task().hasCandidateGroup("support")
                .hasDueDate(Date.from(windowStart.plusSeconds(2 * 3600)));
        assertThat(releases.find(key).orElseThrow().status()).isEqualTo(ReleaseStatus.DEPLOYING);
        Task deploy = task(Elements.DEPLOY, release);
        assertThatThrownBy(() -> complete(deploy, withVariables("backupTaken", true, "usersInformed", true,
                "deployedEverywhere", false, "smokeTested", true)))
                .hasMessageContaining("deployedEverywhere: 请确认新版本已在所有节点运行 / confirm that the new version runs on every node (unticked: deployedEverywhere)")
                .rootCause().isInstanceOf(NotValidException.class);
        asUser("alice", () -> complete(deploy, checklist("Deployed 2.4.1 on both nodes")));

        assertThat(release).isWaitingAt(Elements.VERIFY);
        assertThat(releases.find(key).orElseThrow().status()).isEqualTo(ReleaseStatus.VERIFYING);
        asUser("alice", () -> complete(task(Elements.VERIFY, release), withVariables(Variables.VERIFIED, true,
                Variables.VERIFICATION_NOTES, "Both invoices correct")));

        // one job per ticket; each lets the ticket's process move on to the delivery mail
        for (int i = 0; i < 2; i++) {
            execute(job(Elements.DELIVER_TICKETS, release));
        }
        assertThat(release).hasPassedInOrder(Elements.REGISTER, Elements.APPROVE, Elements.PLAN_WINDOW,
                Elements.MAINTENANCE_WINDOW, Elements.DEPLOY, Elements.VERIFY, Elements.DELIVER_TICKETS, Elements.DELIVERED)
                .hasNotPassed(Elements.ROLL_BACK).isEnded();
        Release delivered = releases.find(key).orElseThrow();
        assertThat(delivered.status()).isEqualTo(ReleaseStatus.DELIVERED);
        assertThat(delivered.finishedAt()).isNotNull();
        assertThat(delivered.deployedBy()).isEqualTo("alice");
        assertThat(delivered.deploymentNotes()).isEqualTo("Deployed 2.4.1 on both nodes");
        assertThat(delivered.tickets()).allSatisfy(included -> assertThat(included.deliveredAt()).isNotNull());

        for (Case ticket : List.of(english, chinese)) {
            assertThat(ticket.process()).isWaitingAt(SupportTicketProcess.Elements.SEND_DELIVERY);
            execute(job(SupportTicketProcess.Elements.SEND_DELIVERY, ticket.process()));
            assertThat(ticket.process()).isWaitingAt(SupportTicketProcess.Elements.AWAIT_ACCEPTANCE);
            assertThat(tickets.find(ticket.key()).orElseThrow().status()).isEqualTo(TicketStatus.AWAITING_ACCEPTANCE);
            assertThat(publicTimeline(ticket)).contains("Release 2.4.1 is live in production");
        }
        assertThat(TestMailServer.text(TestMailServer.lastMailTo(greenMail, english.email())))
                .contains("Delivered, please check", "The fix is live in production with release 2.4.1.");
        assertThat(TestMailServer.text(TestMailServer.lastMailTo(greenMail, chinese.email()))).contains("修复已随版本 2.4.1 上线生产环境。");
    }

    @Test
    void releaseTheSupervisorDoesNotApproveEndsAndItsTicketsWaitForAnother() {
        Case ticket = awaitingRelease("en");
        String key = requestRelease("3.0.0", ticket);
        ProcessInstance release = releaseProcess(key);

        asUser("carol", () -> assertThatThrownBy(() -> complete(task(Elements.APPROVE, release), withVariables(Variables.APPROVED, false)))
                .hasMessageContaining("approvalComment: 请说明不批准的原因 / say why the release is not approved")
                .rootCause().isInstanceOf(NotValidException.class));
        asUser("carol", () -> complete(task(Elements.APPROVE, release), withVariables(Variables.APPROVED, false,
                Variables.APPROVAL_COMMENT, "Not before the year-end closing")));

        assertThat(release).hasPassed(Elements.REJECTED).hasNotPassed(Elements.PLAN_WINDOW).isEnded();
        Release rejected = releases.find(key).orElseThrow();
        assertThat(rejected.status()).isEqualTo(ReleaseStatus.REJECTED);
        assertThat(rejected.decisionComment()).isEqualTo("Not before the year-end closing");
        assertThat(ticket.process()).isWaitingAt(SupportTicketProcess.Elements.AWAIT_RELEASE);
        assertThat(http.get("/api/releases/waiting-tickets", "Authorization", ALICE).json().findValuesAsText("key"))
                .contains(ticket.key());
        assertThat(tickets.timeline(ticket.key(), true)).extracting(TimelineEntry::message)
                .contains("Release 3.0.0 (" + key + ") was not approved: Not before the year-end closing. The fix waits for another release");
    }

    @Test
    void releaseThatFailsVerificationIsRolledBackMailedAndItsTicketShipsWithTheNextRelease() {
        // approved on Thursday 22:30: the window is open, the deployment starts at once
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 10, 22, 30, 0, 0, TEAM_ZONE).toInstant()));
        Case ticket = awaitingRelease("en");
        String first = requestRelease("2.5.0", ticket);
        ProcessInstance release = releaseProcess(first);
        approve(release);
        Job window = job(Elements.MAINTENANCE_WINDOW, release);
        assertThat(window.getDuedate()).isEqualTo(Date.from(ZonedDateTime.of(2026, 12, 10, 22, 0, 0, 0, TEAM_ZONE).toInstant()));
        assertThat(jobQuery().jobId(window.getId()).executable().count()).isOne();
        execute(window);
        asUser("alice", () -> complete(task(Elements.DEPLOY, release), checklist(null)));

        asUser("alice", () -> assertThatThrownBy(() -> complete(task(Elements.VERIFY, release), withVariables(Variables.VERIFIED, false)))
                .hasMessageContaining("releaseVerificationNotes: 请说明哪里未通过，回滚据此进行 / say what failed")
                .rootCause().isInstanceOf(NotValidException.class));
        asUser("alice", () -> complete(task(Elements.VERIFY, release), withVariables(Variables.VERIFIED, false,
                Variables.VERIFICATION_NOTES, "Login fails for SSO users")));
        assertThat(release).isWaitingAt(Elements.ROLL_BACK);
        assertThat(releases.find(first).orElseThrow().status()).isEqualTo(ReleaseStatus.ROLLING_BACK);
        asUser("alice", () -> assertThatThrownBy(() -> complete(task(Elements.ROLL_BACK, release), withVariables(
                Variables.ROLLBACK_NOTES, "Restored 2.4.1")))
                .hasMessageContaining("rolledBack: 请确认旧版本已恢复运行 / confirm that the previous version runs again")
                .rootCause().isInstanceOf(NotValidException.class));
        asUser("alice", () -> complete(task(Elements.ROLL_BACK, release), withVariables(Variables.ROLLED_BACK, true,
                Variables.ROLLBACK_NOTES, "Restored 2.4.1 from the backup, login works")));

        int supervisorMails = mailsTo("carol@opsdesk.example").size();
        execute(job(Elements.SEND_ROLLBACK_NOTICE, release));
        assertThat(release).hasPassedInOrder(Elements.VERIFY, Elements.ROLL_BACK, Elements.SEND_ROLLBACK_NOTICE, Elements.ROLLED_BACK)
                .hasNotPassed(Elements.DELIVER_TICKETS).isEnded();
        List<MimeMessage> toCarol = mailsTo("carol@opsdesk.example");
        assertThat(toCarol).hasSize(supervisorMails + 1);
        MimeMessage notice = toCarol.get(toCarol.size() - 1);
        assertThat(TestMailServer.subject(notice)).isEqualTo("[" + first + "] 版本 2.5.0 已回滚");
        assertThat(TestMailServer.html(notice)).contains("Login fails for SSO users", "Restored 2.4.1 from the backup, login works",
                ticket.key());
        assertThat(releases.find(first).orElseThrow().status()).isEqualTo(ReleaseStatus.ROLLED_BACK);
        assertThat(publicTimeline(ticket)).contains("Release 2.5.0 was rolled back; the fix goes live with a later release");
        assertThat(ticket.process()).isWaitingAt(SupportTicketProcess.Elements.AWAIT_RELEASE);
        assertThat(mailsTo(ticket.email())).hasSize(2);

        // the next release takes the ticket along and delivers it
        String second = requestRelease("2.5.1", ticket);
        ProcessInstance retry = releaseProcess(second);
        approve(retry);
        deployAndVerify(retry, withVariables(Variables.VERIFIED, true));
        execute(job(Elements.DELIVER_TICKETS, retry));
        assertThat(retry).hasPassed(Elements.DELIVERED).isEnded();
        execute(job(SupportTicketProcess.Elements.SEND_DELIVERY, ticket.process()));
        assertThat(TestMailServer.text(TestMailServer.lastMailTo(greenMail, ticket.email()))).contains("release 2.5.1");
    }

    @Test
    void rollbackNoticeThatCannotBeMailedIsRetriedThenAnIncidentAndTheReleaseStaysRollingBack() {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 15, 22, 10, 0, 0, TEAM_ZONE).toInstant()));
        Case ticket = awaitingRelease("en");
        String key = requestRelease("2.8.0", ticket);
        ProcessInstance release = releaseProcess(key);
        approve(release);
        deployAndVerify(release, withVariables(Variables.VERIFIED, false, Variables.VERIFICATION_NOTES, "Reports time out"));
        asUser("alice", () -> complete(task(Elements.ROLL_BACK, release), withVariables(Variables.ROLLED_BACK, true,
                Variables.ROLLBACK_NOTES, "Restored 2.7.0")));
        String notice = job(Elements.SEND_ROLLBACK_NOTICE, release).getId();

        greenMail.stop();
        try {
            for (int retriesLeft = 5; retriesLeft >= 0; retriesLeft--) {
                assertThatThrownBy(() -> engine.getManagementService().executeJob(notice))
                        .hasStackTraceContaining(String.valueOf(TestMailServer.SMTP_PORT));
                assertThat(jobQuery().jobId(notice).singleResult().getRetries()).isEqualTo(retriesLeft);
            }
        } finally {
            greenMail.start();
        }

        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(release.getId()).singleResult()
                .getActivityId()).isEqualTo(Elements.SEND_ROLLBACK_NOTICE);
        assertThat(releases.find(key).orElseThrow().status()).isEqualTo(ReleaseStatus.ROLLING_BACK);
        engine.getManagementService().setJobRetries(notice, 1);
        execute(job(Elements.SEND_ROLLBACK_NOTICE, release));
        assertThat(release).hasPassed(Elements.ROLLED_BACK).isEnded();
        assertThat(releases.find(key).orElseThrow().status()).isEqualTo(ReleaseStatus.ROLLED_BACK);
    }

    @Test
    void aTicketClosedWhileItsReleaseRanIsNotedNotFailed() {
        Case kept = awaitingRelease("en");
        Case closed = awaitingRelease("en");
        String key = requestRelease("2.6.0", kept, closed);
        ProcessInstance release = releaseProcess(key);
        approve(release);
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 12, 8, 22, 5, 0, 0, TEAM_ZONE).toInstant()));
        deployAndVerify(release, withVariables(Variables.VERIFIED, true));
        engine.getRuntimeService().deleteProcessInstance(closed.process().getId(), "withdrawn by the customer");

        execute(job(Elements.DELIVER_TICKETS, release));
        execute(job(Elements.DELIVER_TICKETS, release));

        assertThat(release).hasPassed(Elements.DELIVERED).isEnded();
        assertThat(releases.find(key).orElseThrow().tickets()).extracting(Release.IncludedTicket::key, Release.IncludedTicket::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(kept.key(), null),
                        org.assertj.core.groups.Tuple.tuple(closed.key(),
                                "not delivered by this release: the ticket no longer waited for a release"));
        assertThat(kept.process()).isWaitingAt(SupportTicketProcess.Elements.SEND_DELIVERY);
    }

    @Test
    void tasklistStartFormRegistersTheReleaseOrRefusesATicketThatDoesNotWait() {
        Case ticket = awaitingRelease("en");
        Case notYet = created("en");
        long before = releases.latest(1000).size();

        Http.Response refused = http.postJson("/engine-rest/process-definition/key/release-delivery/submit-form",
                "{\"variables\": {\"releaseVersion\": {\"value\": \"2.7.0\"}, \"ticketKeys\": {\"value\": \""
                        + ticket.key() + ", " + notYet.key() + "\"}}}", "Authorization", ALICE);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains(
                "ticketKeys: " + notYet.key() + " does not wait for a release (status IN_ANALYSIS)");
        assertThat(releases.latest(1000)).hasSize((int) before);

        Http.Response started = http.postJson("/engine-rest/process-definition/key/release-delivery/submit-form",
                "{\"variables\": {\"releaseVersion\": {\"value\": \"2.7.0\"}, \"ticketKeys\": {\"value\": \" " + ticket.key()
                        + " \"}}}", "Authorization", ALICE);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        ProcessInstance release = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(started.json().get("id").asText()).singleResult();
        assertThat(release).isWaitingAt(Elements.APPROVE).variables().containsEntry(Variables.INITIATOR, "alice")
                .containsEntry(Variables.TICKET_KEYS, List.of(ticket.key()));
        assertThat(releases.find(release.getBusinessKey()).orElseThrow().requestedBy()).isEqualTo("alice");
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndStoreNothing() {
        Case ticket = awaitingRelease("en");
        Case notYet = created("en");
        String held = requestRelease("1.0.0", awaitingRelease("en"));
        String heldTicket = releases.find(held).orElseThrow().ticketKeys().get(0);
        long before = releases.latest(1000).size();

        Http.assertProblem(post(Map.of("tickets", List.of(ticket.key()))), 400, "version", "version is required");
        Http.assertProblem(post(Map.of("version", "2.0 beta", "tickets", List.of(ticket.key()))), 400, "version",
                "version '2.0 beta' must be 1 to 50 letters, digits");
        Http.assertProblem(post(Map.of("version", "2.0.0", "summary", "x".repeat(4001), "tickets", List.of(ticket.key()))), 400,
                "summary", "summary must be at most 4000 characters, got 4001");
        Http.assertProblem(post(Map.of("version", "2.0.0")), 400, "tickets", "name at least one ticket");
        Http.assertProblem(post(Map.of("version", "2.0.0", "tickets", List.of(ticket.key(), "OPS-999999"))), 400, "tickets[1]",
                "there is no ticket 'OPS-999999'");
        Http.assertProblem(post(Map.of("version", "2.0.0", "tickets", List.of(ticket.key(), ticket.key()))), 400, "tickets[1]",
                ticket.key() + " is named twice");
        Http.assertProblem(post(Map.of("version", "2.0.0", "tickets", List.of(notYet.key()))), 400, "tickets[0]",
                notYet.key() + " does not wait for a release (status IN_ANALYSIS)");
        Http.assertProblem(post(Map.of("version", "2.0.0", "tickets", List.of(heldTicket))), 400, "tickets[0]",
                heldTicket + " is already in release " + held + " (1.0.0, AWAITING_APPROVAL)");
        Http.assertProblem(http.postJson("/api/releases", "{\"version\": \"2.0.0\", \"tickets\": \"" + ticket.key() + "\"}",
                "Authorization", ALICE), 400, "tickets", "has the wrong JSON type");

        assertThat(releases.latest(1000)).hasSize((int) before);
        assertThat(ticket.process()).isWaitingAt(SupportTicketProcess.Elements.AWAIT_RELEASE);
        Http.assertProblem(http.get("/api/releases/REL-999999", "Authorization", ALICE), 404, null, "there is no release 'REL-999999'");
    }

    @Test
    void releasesAreForStaffOnly() {
        assertThat(http.get("/api/releases").status()).isEqualTo(401);
        assertThat(http.postJson("/api/releases", Map.of("version", "9.9.9")).status()).isEqualTo(401);
        assertThat(http.get("/api/releases/waiting-tickets", "Authorization", Http.basic("nobody", "wrong")).status()).isEqualTo(401);
        JsonNode list = http.get("/api/releases", "Authorization", Http.basic("bob", "bob")).json();
        assertThat(list.isArray()).isTrue();
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Http.Response post(Map<String, Object> body) {
        return http.postJson("/api/releases", body, "Authorization", ALICE);
    }

    private String requestRelease(String version, Case... included) {
        Map<String, Object> body = new HashMap<>();
        body.put("version", version);
        body.put("tickets", java.util.Arrays.stream(included).map(Case::key).toList());
        Http.Response created = post(body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asText();
    }

    private void approve(ProcessInstance release) {
        asUser("carol", () -> complete(task(Elements.APPROVE, release), withVariables(Variables.APPROVED, true)));
        assertThat(release).isWaitingAt(Elements.MAINTENANCE_WINDOW);
    }

    /** The window opens (its timer runs), alice deploys with the whole checklist and completes the verification. */
    private void deployAndVerify(ProcessInstance release, Map<String, Object> verification) {
        execute(job(Elements.MAINTENANCE_WINDOW, release));
        asUser("alice", () -> complete(task(Elements.DEPLOY, release), checklist(null)));
        asUser("alice", () -> complete(task(Elements.VERIFY, release), verification));
    }

    private static Map<String, Object> checklist(String notes) {
        Map<String, Object> variables = new HashMap<>();
        for (ReleaseDeliveryProcess.DeploymentCheck check : ReleaseDeliveryProcess.DeploymentCheck.values()) {
            variables.put(check.name(), true);
        }
        variables.put(Variables.DEPLOYMENT_NOTES, notes);
        return variables;
    }

    /** Completes the task as Tasklist does: {@code POST /engine-rest/task/{id}/complete} as the user. */
    private Http.Response completeInTasklist(ProcessInstance process, String activity, String authorization,
                                             Map<String, Object> values) {
        StringBuilder json = new StringBuilder("{\"variables\": {");
        values.forEach((name, value) -> json.append(json.charAt(json.length() - 1) == '{' ? "" : ", ")
                .append('"').append(name).append("\": {\"value\": ")
                .append(value instanceof String ? "\"" + value + "\"" : value).append('}'));
        json.append("}}");
        return http.postJson("/engine-rest/task/" + task(activity, process).getId() + "/complete", json.toString(),
                "Authorization", authorization);
    }

    /** Moves the engine clock to the timer's due date: not executable a minute before, executable at it. */
    private void fireTimer(ProcessInstance release, Instant due) {
        Job timer = job(Elements.MAINTENANCE_WINDOW, release);
        assertThat(timer.getDuedate()).isEqualTo(Date.from(due));
        ClockUtil.setCurrentTime(Date.from(due.minusSeconds(60)));
        assertThat(jobQuery().jobId(timer.getId()).executable().count()).as("due too early").isZero();
        ClockUtil.setCurrentTime(Date.from(due));
        assertThat(jobQuery().jobId(timer.getId()).executable().count()).as("due").isOne();
        execute(timer);
    }

    private void asUser(String user, Runnable action) {
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList());
        try {
            action.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    private ProcessInstance releaseProcess(String key) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ReleaseDeliveryProcess.KEY)
                .processInstanceBusinessKey(key).singleResult();
    }

    private Case created(String locale) {
        return fixtures.created(locale);
    }

    private Case awaitingRelease(String locale) {
        return fixtures.awaitingRelease(locale);
    }

    private List<String> publicTimeline(Case ticket) {
        return tickets.timeline(ticket.key(), false).stream().map(TimelineEntry::message).toList();
    }

    private List<MimeMessage> mailsTo(String address) {
        return TestMailServer.mailsTo(greenMail, address);
    }

}
