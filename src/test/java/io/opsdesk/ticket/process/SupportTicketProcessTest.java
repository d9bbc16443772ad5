package io.opsdesk.ticket.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import io.opsdesk.engine.EngineTime;
import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.NewTicket;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.Tickets;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.ticket.TicketStatus;
import io.opsdesk.ticket.TicketType;
import io.opsdesk.ticket.TimelineEntry;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * One test per path through {@code processes/support-ticket.bpmn}. Tickets are created through
 * {@link TicketService}, mail jobs and timers are run by the test, mails arrive at GreenMail.
 */
@OpsDeskTest
class SupportTicketProcessTest {

    private static final ZoneId TEAM_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String TITLE = "Billing export stops at 02:00";

    private final ProcessEngine processEngine;
    private final TicketService ticketService;
    private final Tickets tickets;
    private final GreenMail greenMail;

    @Autowired
    SupportTicketProcessTest(ProcessEngine processEngine, TicketService ticketService, Tickets tickets,
                             GreenMail greenMail) {
        this.processEngine = processEngine;
        this.ticketService = ticketService;
        this.tickets = tickets;
        this.greenMail = greenMail;
    }

    /** A ticket under test: its process, key, the customer's tracking token and e-mail address. */
    private record Case(ProcessInstance process, String key, String token, String email, TicketType type) {
    }

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    // ---- paths ----------------------------------------------------------------------------------

    @Test
    void resolvedInSupportIsDeliveredAndClosedWhenAcceptedWithRating() {
        Case ticket = triagedTo(TicketType.FAULT, "en", TriageOutcome.RESOLVE_IN_SUPPORT);
        complete(task(Elements.RESOLVE_IN_SUPPORT, ticket.process()), withVariables(Variables.RESOLUTION, "Restarted the export"));
        deliver(ticket);

        ticketService.acceptance(ticket.key(), ticket.token(), true, "Works again", 5);

        assertThat(ticket.process()).hasPassed(Elements.RESOLVE_IN_SUPPORT, Elements.CLOSED).isEnded();
        assertThat(stored(ticket).status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(stored(ticket).acceptanceRating()).isEqualTo(5);
        assertThat(stored(ticket).closedAt()).isNotNull();
        assertThat(timelineTypes(ticket)).containsSubsequence("RECEIVED", "TRIAGE", "RESOLVED", "ACCEPTED");
        assertThat(lastTimelineMessage(ticket)).isEqualTo("Status: CLOSED. Closed: accepted by the customer");
        assertThat(subjects(ticket)).containsExactly(
                "[" + ticket.key() + "] We have received your request: " + TITLE,
                "[" + ticket.key() + "] How we will handle your ticket: " + TITLE,
                "[" + ticket.key() + "] Delivered, please check: " + TITLE);
    }

    @Test
    void handedToDevelopmentIsImplementedVerifiedDeliveredAndAccepted() {
        Case ticket = triagedTo(TicketType.FEATURE_REQUEST, "zh-CN", TriageOutcome.HAND_TO_DEVELOPMENT);
        assertThat(ticket.process()).hasPassed(Elements.DECIDE_PRIORITY);
        assertThat(stored(ticket).priority()).isEqualTo("P3");

        implement(ticket);
        verify(ticket, true);
        deliver(ticket);
        ticketService.acceptance(ticket.key(), ticket.token(), true, null, null);

        assertThat(ticket.process()).hasPassedInOrder(Elements.IMPLEMENT_FIX, Elements.VERIFY_FIX, Elements.SEND_DELIVERY,
                Elements.CLOSED).hasNotPassed(Elements.RECORD_FAILED_VERIFICATION).isEnded();
        assertThat(stored(ticket).status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(stored(ticket).resolution()).isEqualTo("Export runs in batches now");
        assertThat(timelineTypes(ticket)).containsSubsequence("TRIAGE", "IMPLEMENTED", "VERIFIED", "ACCEPTED");
        assertThat(subjects(ticket)).containsExactly(
                "[" + ticket.key() + "] 我们已收到您的请求：" + TITLE,
                "[" + ticket.key() + "] 您的工单处理方案：" + TITLE,
                "[" + ticket.key() + "] 已交付，请验收：" + TITLE);
    }

    @Test
    void supervisorAssignsDeveloperWhoGetsTheImplementTaskDueAtTheEndOfTheAgreedDay() {
        Case ticket = triagedTo(TicketType.FAULT, "en", TriageOutcome.SUPERVISOR_ASSIGNS);
        assertThat(task(Elements.ASSIGN_DEVELOPER, ticket.process())).hasCandidateGroup("supervisors");
        LocalDate agreed = inTwoWeeks().plusDays(3);

        complete(task(Elements.ASSIGN_DEVELOPER, ticket.process()),
                withVariables(Variables.DEVELOPER, "bob", Variables.AGREED_DELIVERY_DATE, agreed.toString()));

        assertThat(ticket.process()).isWaitingAt(Elements.IMPLEMENT_FIX);
        assertThat(task(Elements.IMPLEMENT_FIX, ticket.process())).isAssignedTo("bob")
                .hasDueDate(Date.from(agreed.atTime(LocalTime.of(18, 0)).atZone(TEAM_ZONE).toInstant()));
        assertThat(stored(ticket).agreedDeliveryDate()).isEqualTo(agreed);
        assertThat(stored(ticket).assignee()).isEqualTo("bob");
        assertThat(stored(ticket).status()).isEqualTo(TicketStatus.IN_DEVELOPMENT);
        assertThat(timelineMessages(ticket)).contains("Assigned to developer bob, delivery agreed for " + agreed);
    }

    @Test
    void failedVerificationGoesBackToDevelopmentWithTheFindingsAndIsCounted() {
        Case ticket = triagedTo(TicketType.FAULT, "en", TriageOutcome.HAND_TO_DEVELOPMENT);
        implement(ticket);

        verify(ticket, false);

        assertThat(ticket.process()).hasPassed(Elements.RECORD_FAILED_VERIFICATION).isWaitingAt(Elements.IMPLEMENT_FIX);
        assertThat(stored(ticket).testFailureCount()).isEqualTo(1);
        assertThat(stored(ticket).status()).isEqualTo(TicketStatus.IN_DEVELOPMENT);
        assertThat(timelineMessages(ticket)).contains("Verification failed (1), back to development: Still stops on Mondays");
        assertThat(ticketContext(ticket, Elements.IMPLEMENT_FIX)).contains("上次验证发现的问题：\nStill stops on Mondays");

        implement(ticket);
        verify(ticket, true);
        assertThat(ticket.process()).isWaitingAt(Elements.SEND_DELIVERY);
        assertThat(stored(ticket).testFailureCount()).isEqualTo(1);
        assertThat(lastTimelineMessage(ticket)).isEqualTo("Verification passed");
    }

    @Test
    void customerReplyToAnInformationRequestGoesBackToTriage() {
        Case ticket = waitingForInformation("zh-CN");

        Ticket replied = ticketService.reply(ticket.key(), ticket.token(), "The export log is attached");

        assertThat(ticket.process()).hasPassed(Elements.WAIT_FOR_CUSTOMER).isWaitingAt(Elements.TRIAGE);
        assertThat(replied.status()).isEqualTo(TicketStatus.IN_ANALYSIS);
        assertThat(timelineTypes(ticket)).containsSubsequence("TRIAGE", "CUSTOMER_REPLY");
        assertThat(ticketContext(ticket, Elements.TRIAGE)).contains("The export log is attached");
        assertThat(subjects(ticket)).containsExactly(
                "[" + ticket.key() + "] 我们已收到您的请求：" + TITLE,
                "[" + ticket.key() + "] 需要您补充信息：" + TITLE);
    }

    @Test
    void unansweredInformationRequestIsRemindedOnceThenClosedAsAbandoned() {
        Case ticket = waitingForInformation("en");
        Instant asked = EngineTime.now();

        fireTimer(ticket, Elements.REMINDER_TIMER, asked.plus(Duration.ofDays(3)));
        sendMail(ticket, Elements.SEND_REMINDER);
        assertThat(ticket.process()).isWaitingAt(Elements.WAIT_FOR_CUSTOMER);
        assertThat(jobQuery().processInstanceId(ticket.process().getId()).activityId(Elements.REMINDER_TIMER).count()).isZero();
        assertThat(stored(ticket).status()).isEqualTo(TicketStatus.WAITING_FOR_CUSTOMER);

        fireTimer(ticket, Elements.INFORMATION_TIMEOUT, asked.plus(Duration.ofDays(7)));
        sendMail(ticket, Elements.SEND_ABANDONED);

        assertThat(ticket.process()).hasPassed(Elements.ABANDONED).isEnded();
        assertThat(stored(ticket).status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(lastTimelineMessage(ticket)).isEqualTo("Status: CLOSED. Closed: no reply from the customer in time");
        assertThat(subjects(ticket)).containsExactly(
                "[" + ticket.key() + "] We have received your request: " + TITLE,
                "[" + ticket.key() + "] We need more information: " + TITLE,
                "[" + ticket.key() + "] Reminder: we are waiting for your information: " + TITLE,
                "[" + ticket.key() + "] Your ticket was closed: " + TITLE);
    }

    @Test
    void infeasibleFeatureRequestIsDeclinedWithTheReason() {
        Case ticket = received(TicketType.FEATURE_REQUEST, "zh-CN");

        completeTriage(ticket, TriageOutcome.DECLINE,
                Variables.FEASIBLE, false, Variables.DECLINE_REASON, "The billing system is being replaced this year");
        sendMail(ticket, Elements.SEND_DECLINE);

        assertThat(ticket.process()).hasPassed(Elements.DECLINED).hasNotPassed(Elements.DECIDE_PRIORITY).isEnded();
        assertThat(stored(ticket).status()).isEqualTo(TicketStatus.DECLINED);
        assertThat(stored(ticket).feasible()).isFalse();
        assertThat(stored(ticket).declineReason()).isEqualTo("The billing system is being replaced this year");
        assertThat(subjects(ticket)).last().isEqualTo("[" + ticket.key() + "] 您的请求未被受理：" + TITLE);
        assertThat(mailText(ticket, 1)).contains("The billing system is being replaced this year");
    }

    @Test
    void rejectedDeliveryGoesBackToTriageWithTheCustomersReason() {
        Case ticket = triagedTo(TicketType.FAULT, "en", TriageOutcome.RESOLVE_IN_SUPPORT);
        complete(task(Elements.RESOLVE_IN_SUPPORT, ticket.process()), withVariables(Variables.RESOLUTION, "Restarted the export"));
        deliver(ticket);

        ticketService.acceptance(ticket.key(), ticket.token(), false, "It stopped again last night", null);

        assertThat(ticket.process()).hasPassed(Elements.AWAIT_ACCEPTANCE).isWaitingAt(Elements.TRIAGE);
        assertThat(stored(ticket).status()).isEqualTo(TicketStatus.IN_ANALYSIS);
        assertThat(timelineMessages(ticket)).contains("Customer rejected the delivery: It stopped again last night");
        assertThat(ticketContext(ticket, Elements.TRIAGE)).contains("It stopped again last night");
    }

    @Test
    void unansweredDeliveryIsClosedWhenTheAcceptanceWindowPasses() {
        Case ticket = triagedTo(TicketType.DATA_REQUEST, "en", TriageOutcome.RESOLVE_IN_SUPPORT);
        complete(task(Elements.RESOLVE_IN_SUPPORT, ticket.process()), withVariables(Variables.RESOLUTION, "Report attached"));
        deliver(ticket);
        Instant delivered = EngineTime.now();

        fireTimer(ticket, Elements.ACCEPTANCE_WINDOW, delivered.plus(Duration.ofDays(7)));

        assertThat(ticket.process()).hasPassed(Elements.ACCEPTANCE_WINDOW, Elements.CLOSED).isEnded();
        assertThat(stored(ticket).status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(stored(ticket).acceptanceRating()).isNull();
        assertThat(lastTimelineMessage(ticket)).isEqualTo("Status: CLOSED. Closed: the acceptance window passed without an answer");
    }

    // ---- guards ---------------------------------------------------------------------------------

    @Test
    void triageAskingForInformationWithoutSayingWhatIsRefused() {
        Case ticket = received(TicketType.FAULT, "en");

        assertTriageRefused(ticket, triage(ticket, TriageOutcome.NEED_INFORMATION), "informationRequest");
    }

    @Test
    void triageThatDoesNotDeclineAnInfeasibleRequestIsRefused() {
        Case ticket = received(TicketType.CHANGE_REQUEST, "en");
        Map<String, Object> variables = triage(ticket, TriageOutcome.RESOLVE_IN_SUPPORT);
        variables.putAll(withVariables(Variables.FEASIBLE, false, Variables.HANDLING_PLAN, "Do it anyway"));

        assertTriageRefused(ticket, variables, "an infeasible request must be declined");
    }

    @Test
    void triageHandingToDevelopmentWithoutAgreedDeliveryDateIsRefused() {
        Case ticket = received(TicketType.FAULT, "en");
        Map<String, Object> variables = triage(ticket, TriageOutcome.HAND_TO_DEVELOPMENT);
        variables.put(Variables.HANDLING_PLAN, "Development fixes the export");

        assertTriageRefused(ticket, variables, Variables.AGREED_DELIVERY_DATE);
    }

    // ---- failures -------------------------------------------------------------------------------

    /** opsdesk.jobs.retry-schedule: the mail steps' waits between tries */
    private static final List<Duration> RETRY_SCHEDULE = List.of(
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4));

    @Test
    void aMailServerDownForAnHourIsBridgedByTheRetryScheduleAndTheMailGoesOutOnce() {
        Case ticket = created(TicketType.FAULT, "en");
        String acknowledgement = job(Elements.SEND_ACKNOWLEDGEMENT, ticket.process()).getId();
        Instant outageStart = EngineTime.now();

        greenMail.stop();
        try {
            // four tries fail while the server is down: the waits grow 1 min, 5 min, 15 min, 1 h
            for (Duration wait : RETRY_SCHEDULE.subList(0, 4)) {
                failsAndWaits(acknowledgement, wait);
                ClockUtil.setCurrentTime(jobQuery().jobId(acknowledgement).singleResult().getDuedate());
            }
        } finally {
            greenMail.start();
        }

        // 1 h 21 min later the server is back: the job executor's next run delivers the mail, nobody acted
        assertThat(Duration.between(outageStart, EngineTime.now())).isGreaterThan(Duration.ofHours(1));
        assertThat(jobQuery().jobId(acknowledgement).executable().count()).isEqualTo(1);
        execute(job(Elements.SEND_ACKNOWLEDGEMENT, ticket.process()));
        assertThat(ticket.process()).isWaitingAt(Elements.TRIAGE);
        assertThat(subjects(ticket)).hasSize(1);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(ticket.process().getId()).count()).isZero();
    }

    @Test
    void mailThatCannotBeSentAfterTheWholeScheduleBecomesAnIncidentAndTheTicketStaysIntact() {
        Case ticket = created(TicketType.FAULT, "en");
        String acknowledgement = job(Elements.SEND_ACKNOWLEDGEMENT, ticket.process()).getId();

        greenMail.stop();
        try {
            for (Duration wait : RETRY_SCHEDULE) {
                failsAndWaits(acknowledgement, wait);
            }
            assertThatThrownBy(() -> managementService().executeJob(acknowledgement)).hasStackTraceContaining(String.valueOf(TestMailServer.SMTP_PORT));
            assertThat(jobQuery().jobId(acknowledgement).singleResult()).hasRetries(0);
        } finally {
            greenMail.start();
        }

        Incident incident = runtimeService().createIncidentQuery().processInstanceId(ticket.process().getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(Elements.SEND_ACKNOWLEDGEMENT);
        assertThat(ticket.process()).isNotEnded().isWaitingAt(Elements.SEND_ACKNOWLEDGEMENT);
        assertThat(stored(ticket).status()).isEqualTo(TicketStatus.NEW);
        assertThat(timelineTypes(ticket)).containsExactly("RECEIVED", "PRIORITY", "SLA").doesNotContain("MAIL");

        managementService().setJobRetries(acknowledgement, 1);
        execute(job(Elements.SEND_ACKNOWLEDGEMENT, ticket.process()));
        assertThat(ticket.process()).isWaitingAt(Elements.TRIAGE);
        assertThat(subjects(ticket)).hasSize(1);
    }

    /** One try of the job fails at the mail server; the next is due {@code wait} later. */
    private void failsAndWaits(String jobId, Duration wait) {
        Instant failedAt = EngineTime.now();
        assertThatThrownBy(() -> managementService().executeJob(jobId)).hasStackTraceContaining(String.valueOf(TestMailServer.SMTP_PORT));
        Job job = jobQuery().jobId(jobId).singleResult();
        assertThat(job.getRetries()).isPositive();
        assertThat(job.getDuedate()).isCloseTo(Date.from(failedAt.plus(wait)), 10_000);
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** A new ticket from a customer with an address of its own, its acknowledgement not yet sent. */
    private Case created(TicketType type, String locale) {
        String email = "customer-" + UUID.randomUUID() + "@example.com";
        TicketService.Created created = ticketService.create(new NewTicket(type, TITLE, "Since Monday the nightly export stops.",
                "billing", Level.HIGH, Level.MEDIUM, "Wang Fang", email, "ACME", locale, "API"), null);
        assertThat(created.process()).hasBusinessKey(created.ticket().key()).isWaitingAt(Elements.SEND_ACKNOWLEDGEMENT);
        return new Case(created.process(), created.ticket().key(), created.trackingToken(), email, type);
    }

    /** A ticket acknowledged to the customer and waiting for triage. */
    private Case received(TicketType type, String locale) {
        Case ticket = created(type, locale);
        sendMail(ticket, Elements.SEND_ACKNOWLEDGEMENT);
        assertThat(ticket.process()).isWaitingAt(Elements.TRIAGE);
        assertThat(stored(ticket).status()).isEqualTo(TicketStatus.IN_ANALYSIS);
        return ticket;
    }

    /** A feasible ticket triaged to be handled by support or development, its handling plan sent. */
    private Case triagedTo(TicketType type, String locale, TriageOutcome outcome) {
        Case ticket = received(type, locale);
        completeTriage(ticket, outcome, Variables.HANDLING_PLAN, "We will look at the export job",
                Variables.FEASIBLE, true, Variables.EFFORT_DAYS, 2, Variables.AGREED_DELIVERY_DATE, inTwoWeeks().toString());
        sendMail(ticket, Elements.SEND_HANDLING_PLAN);
        return ticket;
    }

    private Case waitingForInformation(String locale) {
        Case ticket = received(TicketType.FAULT, locale);
        completeTriage(ticket, TriageOutcome.NEED_INFORMATION, Variables.INFORMATION_REQUEST, "Please send the export log");
        sendMail(ticket, Elements.REQUEST_INFORMATION);
        assertThat(ticket.process()).isWaitingAt(Elements.WAIT_FOR_CUSTOMER);
        assertThat(stored(ticket).status()).isEqualTo(TicketStatus.WAITING_FOR_CUSTOMER);
        return ticket;
    }

    /** What every triage form delivers: the confirmed classification, the analysis and the outcome. */
    private Map<String, Object> triage(Case ticket, TriageOutcome outcome) {
        return new HashMap<>(withVariables(Variables.TICKET_TYPE, ticket.type().name(), Variables.IMPACT, "HIGH",
                Variables.URGENCY, "MEDIUM", Variables.ANALYSIS, "Export job fails on large months",
                Variables.TRIAGE_OUTCOME, outcome.name()));
    }

    private void completeTriage(Case ticket, TriageOutcome outcome, Object... moreVariables) {
        Map<String, Object> variables = triage(ticket, outcome);
        for (int i = 0; i < moreVariables.length; i += 2) {
            variables.put((String) moreVariables[i], moreVariables[i + 1]);
        }
        complete(task(Elements.TRIAGE, ticket.process()), variables);
    }

    private void assertTriageRefused(Case ticket, Map<String, Object> variables, String reason) {
        Task triage = task(Elements.TRIAGE, ticket.process());

        assertThatThrownBy(() -> complete(triage, variables))
                .hasMessageContaining(reason).rootCause().isInstanceOf(NotValidException.class);

        assertThat(ticket.process()).isWaitingAt(Elements.TRIAGE);
        assertThat(task(Elements.TRIAGE, ticket.process())).hasId(triage.getId());
        assertThat(stored(ticket).status()).isEqualTo(TicketStatus.IN_ANALYSIS);
        assertThat(timelineTypes(ticket)).doesNotContain("TRIAGE");
    }

    private void implement(Case ticket) {
        assertThat(ticket.process()).isWaitingAt(Elements.IMPLEMENT_FIX);
        complete(task(Elements.IMPLEMENT_FIX, ticket.process()), withVariables(Variables.IMPLEMENTATION_NOTES, "Batched the export"));
        assertThat(stored(ticket).status()).isEqualTo(TicketStatus.IN_TESTING);
    }

    private void verify(Case ticket, boolean passed) {
        complete(task(Elements.VERIFY_FIX, ticket.process()), passed
                ? withVariables(Variables.VERIFICATION_PASSED, true, Variables.RESOLUTION, "Export runs in batches now")
                : withVariables(Variables.VERIFICATION_PASSED, false, Variables.VERIFICATION_FINDINGS, "Still stops on Mondays"));
    }

    private void deliver(Case ticket) {
        sendMail(ticket, Elements.SEND_DELIVERY);
        assertThat(ticket.process()).isWaitingAt(Elements.AWAIT_ACCEPTANCE);
        assertThat(stored(ticket).status()).isEqualTo(TicketStatus.AWAITING_ACCEPTANCE);
        assertThat(stored(ticket).resolvedAt()).isNotNull();
    }

    /** Runs the asynchronous mail step the process waits at; the mail must reach GreenMail. */
    private void sendMail(Case ticket, String activity) {
        int before = subjects(ticket).size();
        assertThat(ticket.process()).isWaitingAt(activity);
        execute(job(activity, ticket.process()));
        assertThat(ticket.process()).hasPassed(activity);
        assertThat(subjects(ticket)).hasSize(before + 1);
    }

    /** Moves the engine clock to just after {@code due} and runs the timer, which must not be due a minute before. */
    private void fireTimer(Case ticket, String timer, Instant due) {
        Job job = job(timer, ticket.process());
        ClockUtil.setCurrentTime(Date.from(due.minusSeconds(60)));
        assertThat(jobQuery().jobId(job.getId()).executable().count()).as(timer + " is due too early").isZero();
        ClockUtil.setCurrentTime(Date.from(due.plusSeconds(60)));
        assertThat(jobQuery().jobId(job.getId()).executable().count()).as(timer + " is due").isOne();
        execute(job);
    }

    private static LocalDate inTwoWeeks() {
        return LocalDate.ofInstant(EngineTime.now(), TEAM_ZONE).plusWeeks(2);
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

    private String lastTimelineMessage(Case ticket) {
        List<String> messages = timelineMessages(ticket);
        return messages.get(messages.size() - 1);
    }

    private String ticketContext(Case ticket, String taskActivity) {
        return (String) taskService().getVariableLocal(task(taskActivity, ticket.process()).getId(), Variables.TICKET_CONTEXT);
    }

    private List<String> subjects(Case ticket) {
        return TestMailServer.mailsTo(greenMail, ticket.email()).stream().map(message -> {
            try {
                return message.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The plain-text part of the customer's {@code index}th mail, decoded. */
    private String mailText(Case ticket, int index) {
        try {
            return plainText(TestMailServer.mailsTo(greenMail, ticket.email()).get(index));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
