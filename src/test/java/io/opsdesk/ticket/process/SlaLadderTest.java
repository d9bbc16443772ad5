package io.opsdesk.ticket.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.util.GreenMail;

import io.opsdesk.OpsDeskTest;
import io.opsdesk.TestMailServer;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.TriageOutcome;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;
import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.NewTicket;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.Tickets;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.ticket.TicketType;
import io.opsdesk.ticket.TimelineEntry;

import jakarta.mail.internet.MimeMessage;

/**
 * The SLA clocks of {@code support-ticket.bpmn} on the China business calendar (09:00–12:00,
 * 13:30–18:00, Asia/Shanghai, 2026 holidays and make-up days), with the engine clock moved by the test.
 * Targets from {@code sla-policy.dmn}: P2 2 h / 15 h, P3 4 h / 37.5 h, P4 7.5 h / 75 h business time.
 */
@OpsDeskTest
class SlaLadderTest {

    private static final String SUPPORT = "alice@opsdesk.example";
    private static final String SUPERVISOR = "carol@opsdesk.example";
    private static final String MANAGER = "mike@opsdesk.example";

    private final ProcessEngine engine;
    private final TicketService ticketService;
    private final Tickets tickets;
    private final GreenMail greenMail;

    @Autowired
    SlaLadderTest(ProcessEngine engine, TicketService ticketService, Tickets tickets, GreenMail greenMail) {
        this.engine = engine;
        this.ticketService = ticketService;
        this.tickets = tickets;
        this.greenMail = greenMail;
    }

    private record Case(ProcessInstance process, String key, String token) {
    }

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void p2TicketOnTheFridayBeforeQingmingIsDueWhenTheCalendarSays() {
        // Fri 2026-04-03 14:00; Sat 04-04 to Mon 04-06 are the Qingming holiday
        Case ticket = acknowledged(at("2026-04-03T14:00+08:00"), Level.HIGH, Level.MEDIUM);

        Ticket.Sla sla = stored(ticket).sla();
        assertThat(stored(ticket).priority()).isEqualTo("P2");
        assertThat(sla.calendar()).isEqualTo("china-business");
        // first response 2 h: Fri 14:00-16:00
        assertThat(sla.firstResponseDue()).isEqualTo(at("2026-04-03T16:00+08:00"));
        // resolution 15 h: Fri 14:00-18:00 (4 h), Tue 04-07 (7.5 h), Wed 04-08 09:00-12:00 (3 h), 13:30-14:00 (0.5 h)
        assertThat(sla.resolutionDue()).isEqualTo(at("2026-04-08T14:00+08:00"));
        assertThat(task(Elements.TRIAGE, ticket.process()).getDueDate()).isEqualTo(Date.from(sla.firstResponseDue()));

        assertThat(timerDue(ticket, Elements.FIRST_RESPONSE_WARNING)).isEqualTo(at("2026-04-03T15:30+08:00"));
        assertThat(timerDue(ticket, Elements.FIRST_RESPONSE_BREACH)).isEqualTo(at("2026-04-03T16:00+08:00"));
        assertThat(timerDue(ticket, Elements.FIRST_RESPONSE_ESCALATION)).isEqualTo(at("2026-04-03T17:00+08:00"));
        // 75 % of 15 h = 11.25 h: Fri 4 h, Tue 04-07 09:00-12:00 and 13:30-17:45
        assertThat(timerDue(ticket, Elements.RESOLUTION_WARNING)).isEqualTo(at("2026-04-07T17:45+08:00"));
        // 150 % = 22.5 h: Fri 4, Tue 7.5, Wed 7.5 (19 h), Thu 04-09 09:00-12:00, 13:30-14:00
        assertThat(timerDue(ticket, Elements.RESOLUTION_ESCALATION)).isEqualTo(at("2026-04-09T14:00+08:00"));
    }

    @Test
    void aMakeUpSaturdayCountsAsAWorkingDay() {
        // Fri 2026-02-13 16:00, P4: 7.5 h first response. Sat 02-14 is a make-up working day (春节调休)
        Case ticket = acknowledged(at("2026-02-13T16:00+08:00"), Level.LOW, Level.LOW);
        // Fri 16:00-18:00 (2 h), Sat 09:00-12:00 (3 h), 13:30-16:00 (2.5 h)
        assertThat(stored(ticket).sla().firstResponseDue()).isEqualTo(at("2026-02-14T16:00+08:00"));
    }

    @Test
    void firstResponseLadderWarnsBreachesAndEscalatesOnceEach() {
        Case ticket = acknowledged(at("2026-04-03T14:00+08:00"), Level.HIGH, Level.MEDIUM);

        fire(ticket, Elements.FIRST_RESPONSE_WARNING, Elements.FIRST_RESPONSE_WARNING_STEP);
        assertThat(staffSubjects(SUPPORT, ticket)).singleElement().asString().contains("SLA 预警").contains("首次响应");

        fire(ticket, Elements.FIRST_RESPONSE_BREACH, Elements.FIRST_RESPONSE_BREACH_STEP);
        assertThat(staffSubjects(SUPERVISOR, ticket)).singleElement().asString().contains("SLA 已超时");
        assertThat(task(Elements.HANDLE_FIRST_RESPONSE_BREACH, ticket.process()).getName())
                .isEqualTo(ticket.key() + " · 处理首次响应违约：SLA test");
        assertThat(stored(ticket).sla().firstResponseBreachedAt()).isNotNull();
        assertThat(stored(ticket).owningGroup()).as("the escalation does not take the ticket over").isEqualTo("support");

        fire(ticket, Elements.FIRST_RESPONSE_ESCALATION, Elements.FIRST_RESPONSE_ESCALATION_STEP);
        assertThat(staffSubjects(MANAGER, ticket)).singleElement().asString().contains("SLA 升级至经理");

        assertThat(timelineTypes(ticket)).containsOnlyOnce("SLA_WARNING", "SLA_BREACH", "SLA_ESCALATION");
        complete(task(Elements.HANDLE_FIRST_RESPONSE_BREACH, ticket.process()),
                withVariables(Variables.ESCALATION_ACTION, "COMMENT", Variables.ESCALATION_COMMENT, "Alice is on it"));
        assertThat(timelineMessages(ticket)).contains("Escalation commented: Alice is on it");
        assertThat(task(Elements.TRIAGE, ticket.process())).isNotNull();
    }

    @Test
    void triageInTimeStopsTheFirstResponseClockAndCancelsItsSteps() {
        Case ticket = acknowledged(at("2026-04-03T14:00+08:00"), Level.HIGH, Level.MEDIUM);
        ClockUtil.setCurrentTime(Date.from(at("2026-04-03T15:00+08:00")));
        triage(ticket, TriageOutcome.RESOLVE_IN_SUPPORT);

        for (String timer : List.of(Elements.FIRST_RESPONSE_WARNING, Elements.FIRST_RESPONSE_BREACH, Elements.FIRST_RESPONSE_ESCALATION)) {
            assertThat(jobQuery().processInstanceId(ticket.process().getId()).activityId(timer).count()).as(timer).isZero();
        }
        assertThat(jobQuery().processInstanceId(ticket.process().getId()).activityId(Elements.RESOLUTION_BREACH).count()).isOne();
        assertThat(stored(ticket).firstResponseAt()).isEqualTo(at("2026-04-03T15:00+08:00"));
        assertThat(task(Elements.RESOLVE_IN_SUPPORT, ticket.process()).getDueDate())
                .isEqualTo(Date.from(at("2026-04-08T14:00+08:00")));
    }

    @Test
    void resolutionLadderEscalatesAndASupervisorReassignsTheWork() {
        Case ticket = acknowledged(at("2026-04-03T14:00+08:00"), Level.HIGH, Level.MEDIUM);
        ClockUtil.setCurrentTime(Date.from(at("2026-04-03T14:30+08:00")));
        triage(ticket, TriageOutcome.RESOLVE_IN_SUPPORT);

        fire(ticket, Elements.RESOLUTION_WARNING, Elements.RESOLUTION_WARNING_STEP);
        fire(ticket, Elements.RESOLUTION_BREACH, Elements.RESOLUTION_BREACH_STEP);
        fire(ticket, Elements.RESOLUTION_ESCALATION, Elements.RESOLUTION_ESCALATION_STEP);

        assertThat(staffSubjects(SUPPORT, ticket)).singleElement().asString().contains("SLA 预警").contains("解决");
        assertThat(staffSubjects(SUPERVISOR, ticket)).singleElement().asString().contains("SLA 已超时");
        assertThat(staffSubjects(MANAGER, ticket)).singleElement().asString().contains("SLA 升级至经理");
        assertThat(stored(ticket).sla().resolutionBreachedAt()).isNotNull();

        // the work goes to someone who may do it: a supervisor is not in support, so cannot take a support task
        assertThatThrownBy(() -> complete(task(Elements.HANDLE_RESOLUTION_BREACH, ticket.process()), withVariables(
                Variables.ESCALATION_ACTION, "REASSIGN", Variables.REASSIGN_TO, "carol", Variables.ESCALATION_COMMENT, "Taking it over")))
                .hasMessageContaining("reassignTo: 'carol' 不在 [support] 中 / is not in [support]");
        complete(task(Elements.HANDLE_RESOLUTION_BREACH, ticket.process()), withVariables(
                Variables.ESCALATION_ACTION, "REASSIGN", Variables.REASSIGN_TO, "alice", Variables.ESCALATION_COMMENT, "Alice takes it over"));
        assertThat(task(Elements.RESOLVE_IN_SUPPORT, ticket.process()).getAssignee()).isEqualTo("alice");
        assertThat(stored(ticket).assignee()).isEqualTo("alice");
    }

    @Test
    void aSupervisorRaisingThePriorityMovesTheResolutionDueDateAndItsTimers() {
        Case ticket = acknowledged(at("2026-04-03T14:00+08:00"), Level.HIGH, Level.MEDIUM);
        ClockUtil.setCurrentTime(Date.from(at("2026-04-03T14:30+08:00")));
        triage(ticket, TriageOutcome.RESOLVE_IN_SUPPORT);

        fire(ticket, Elements.RESOLUTION_BREACH, Elements.RESOLUTION_BREACH_STEP);
        complete(task(Elements.HANDLE_RESOLUTION_BREACH, ticket.process()), withVariables(
                Variables.ESCALATION_ACTION, "REPRIORITISE", Variables.NEW_PRIORITY, "P1", Variables.ESCALATION_COMMENT, "Outage"));

        // P1: 4 h round the clock from Fri 14:00
        assertThat(stored(ticket).priority()).isEqualTo("P1");
        assertThat(stored(ticket).sla().calendar()).isEqualTo("24x7");
        assertThat(stored(ticket).sla().resolutionDue()).isEqualTo(at("2026-04-03T18:00+08:00"));
        assertThat(timerDue(ticket, Elements.RESOLUTION_ESCALATION)).isEqualTo(at("2026-04-03T20:00+08:00"));
        assertThat(task(Elements.RESOLVE_IN_SUPPORT, ticket.process()).getDueDate()).isEqualTo(Date.from(at("2026-04-03T18:00+08:00")));
    }

    @Test
    void waitingTwoBusinessDaysForTheCustomerMovesTheResolutionDueByTwoBusinessDays() {
        // P3 (37.5 h) from Mon 2026-11-23 10:00: Mon 6.5 h, Tue-Fri 30 h, next Mon 09:00-10:00 -> Mon 11-30 10:00
        Case ticket = acknowledged(at("2026-11-23T10:00+08:00"), Level.MEDIUM, Level.MEDIUM);
        assertThat(stored(ticket).sla().resolutionDue()).isEqualTo(at("2026-11-30T10:00+08:00"));

        ClockUtil.setCurrentTime(Date.from(at("2026-11-23T11:00+08:00")));
        triage(ticket, TriageOutcome.NEED_INFORMATION);
        execute(job(Elements.REQUEST_INFORMATION, ticket.process()));
        assertThat(ticket.process()).isWaitingAt(Elements.WAIT_FOR_CUSTOMER);
        assertThat(stored(ticket).sla().pausedSince()).isEqualTo(at("2026-11-23T11:00+08:00"));
        assertThat(timerDue(ticket, Elements.RESOLUTION_BREACH)).isAfter(at("2100-01-01T00:00Z"));

        // Wed 11:00: paused Mon 11:00-18:00 (5.5 h), Tue (7.5 h), Wed 09:00-11:00 (2 h) = 15 h = two business days
        ClockUtil.setCurrentTime(Date.from(at("2026-11-25T11:00+08:00")));
        ticketService.reply(ticket.key(), ticket.token(), "Here is the log");

        Ticket.Sla sla = stored(ticket).sla();
        assertThat(sla.pausedSeconds()).isEqualTo(Duration.ofHours(15).toSeconds());
        assertThat(sla.pausedSince()).isNull();
        // due Mon 11-30 10:00 plus 15 h: Mon 8 h left... Mon 10:00-18:00 (6.5 h), Tue 12-01 (7.5 h), Wed 12-02 09:00-10:00
        assertThat(sla.resolutionDue()).isEqualTo(at("2026-12-02T10:00+08:00"));
        assertThat(timerDue(ticket, Elements.RESOLUTION_BREACH)).isEqualTo(at("2026-12-02T10:00+08:00"));
        assertThat(timelineMessages(ticket)).anyMatch(m -> m.startsWith("Resolution clock resumed after 15h business time"));
    }

    @Test
    void aBreachDoesNotFireTwiceWhenARejectedDeliveryReopensTheClock() {
        Case ticket = acknowledged(at("2026-04-03T14:00+08:00"), Level.HIGH, Level.MEDIUM);
        ClockUtil.setCurrentTime(Date.from(at("2026-04-03T14:30+08:00")));
        triage(ticket, TriageOutcome.RESOLVE_IN_SUPPORT);
        fire(ticket, Elements.RESOLUTION_BREACH, Elements.RESOLUTION_BREACH_STEP);
        complete(task(Elements.RESOLVE_IN_SUPPORT, ticket.process()), withVariables(Variables.RESOLUTION, "Restarted the job"));
        execute(job(Elements.SEND_DELIVERY, ticket.process()));

        ticketService.acceptance(ticket.key(), ticket.token(), false, "Still failing", null);

        // back in the resolution scope: its breach timer is past due at once, and must not breach again
        assertThat(ticket.process()).isWaitingAt(Elements.TRIAGE);
        Job breachAgain = job(Elements.RESOLUTION_BREACH, ticket.process());
        assertThat(jobQuery().jobId(breachAgain.getId()).executable().count()).isOne();
        execute(breachAgain);
        assertThat(ticket.process()).hasPassed("EndEvent_ResolutionBreachSkipped");
        assertThat(taskQuery().processInstanceId(ticket.process().getId())
                .taskDefinitionKey(Elements.HANDLE_RESOLUTION_BREACH).count()).isOne();
        assertThat(staffSubjects(SUPERVISOR, ticket)).hasSize(1);
        assertThat(timelineTypes(ticket)).containsOnlyOnce("SLA_BREACH");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private Case acknowledged(Instant now, Level impact, Level urgency) {
        ClockUtil.setCurrentTime(Date.from(now));
        TicketService.Created created = ticketService.create(new NewTicket(TicketType.FAULT, "SLA test", "Something is slow",
                "billing", impact, urgency, "Zhou Min", "sla-" + UUID.randomUUID() + "@example.com", null, "zh-CN", "API"), null);
        Case ticket = new Case(created.process(), created.ticket().key(), created.trackingToken());
        execute(job(Elements.SEND_ACKNOWLEDGEMENT, ticket.process()));
        assertThat(ticket.process()).isWaitingAt(Elements.TRIAGE);
        return ticket;
    }

    private void triage(Case ticket, TriageOutcome outcome) {
        Ticket stored = stored(ticket);
        complete(task(Elements.TRIAGE, ticket.process()), withVariables(Variables.TICKET_TYPE, "FAULT",
                Variables.IMPACT, stored.impact().name(), Variables.URGENCY, stored.urgency().name(),
                Variables.ANALYSIS, "Looked at it", Variables.TRIAGE_OUTCOME, outcome.name(),
                Variables.HANDLING_PLAN, "We fix it", Variables.INFORMATION_REQUEST, "Please send the log"));
        if (outcome != TriageOutcome.NEED_INFORMATION) {
            execute(job(Elements.SEND_HANDLING_PLAN, ticket.process()));
        }
    }

    @Test
    void aWarningWhoseMailFailsIsRetriedOnItsTimerAndHappensOnceWhenTheMailGoesOut() {
        Case ticket = acknowledged(at("2026-04-03T14:00+08:00"), Level.HIGH, Level.MEDIUM);
        Job timer = job(Elements.FIRST_RESPONSE_WARNING, ticket.process());
        Instant failedAt = timer.getDuedate().toInstant().plusSeconds(1);
        ClockUtil.setCurrentTime(Date.from(failedAt));

        greenMail.stop();
        try {
            // the step runs in the timer's job: the mail's failure rolls the step back and the timer is tried again
            assertThatThrownBy(() -> engine.getManagementService().executeJob(timer.getId()))
                    .hasStackTraceContaining(String.valueOf(TestMailServer.SMTP_PORT));
        } finally {
            greenMail.start();
        }
        Job retried = jobQuery().jobId(timer.getId()).singleResult();
        assertThat(retried.getRetries()).isPositive();
        assertThat(retried.getDuedate()).isCloseTo(Date.from(failedAt.plus(Duration.ofMinutes(1))), 10_000);
        assertThat(ticket.process()).hasNotPassed(Elements.FIRST_RESPONSE_WARNING_STEP);
        assertThat(timelineTypes(ticket)).doesNotContain("SLA_WARNING");

        ClockUtil.setCurrentTime(retried.getDuedate());
        execute(jobQuery().jobId(timer.getId()).singleResult());

        assertThat(ticket.process()).hasPassed(Elements.FIRST_RESPONSE_WARNING_STEP).isWaitingAt(Elements.TRIAGE);
        assertThat(staffSubjects(SUPPORT, ticket)).singleElement().asString().contains("SLA 预警");
        assertThat(timelineTypes(ticket)).containsOnlyOnce("SLA_WARNING");
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(ticket.process().getId()).count()).isZero();
    }

    /** Moves the clock just past the timer's due date and fires it; the ladder step runs in the timer's job. */
    private void fire(Case ticket, String timer, String step) {
        Job job = job(timer, ticket.process());
        ClockUtil.setCurrentTime(Date.from(job.getDuedate().toInstant().plusSeconds(1)));
        execute(job);
        assertThat(ticket.process()).hasPassed(step);
    }

    private Instant timerDue(Case ticket, String timer) {
        return job(timer, ticket.process()).getDuedate().toInstant();
    }

    private Ticket stored(Case ticket) {
        return tickets.find(ticket.key()).orElseThrow();
    }

    private List<String> timelineTypes(Case ticket) {
        return tickets.timeline(ticket.key(), true).stream().map(TimelineEntry::type).toList();
    }

    private List<String> timelineMessages(Case ticket) {
        return tickets.timeline(ticket.key(), true).stream().map(TimelineEntry::message).toList();
    }

    private List<String> staffSubjects(String recipient, Case ticket) {
        return TestMailServer.mailsTo(greenMail, recipient).stream().map(TestMailServer::subject)
                .filter(subject -> subject.startsWith("[" + ticket.key() + "]")).toList();
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
