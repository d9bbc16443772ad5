package io.opsdesk.ticket.process;

import static io.opsdesk.testing.BareEngine.setsVariables;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opsdesk.testing.BareEngine;
import io.opsdesk.ticket.process.SupportTicketProcess.Beans;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.Messages;
import io.opsdesk.ticket.process.SupportTicketProcess.TriageOutcome;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/**
 * {@code support-ticket.bpmn} on a bare engine, every bean mocked: one test per path through the model, with the
 * real priority decision. What the beans do is tested with the application ({@link SupportTicketProcessTest},
 * {@link SlaLadderTest}, {@link TriageFormTest}).
 */
class SupportTicketPathsTest {

    static final Instant RECEIVED = Instant.parse("2026-12-01T02:00:00Z");

    @RegisterExtension
    static final BareEngine engine = BareEngine.deploying("support-ticket.bpmn", "ticket-priority.dmn")
            .bean("ticketSettings", Map.of("reminderAfter", "P3D", "abandonAfter", "P7D", "acceptanceWindow", "P7D"));

    final SlaDue slaDue = engine.mock(Beans.SLA_DUE, SlaDue.class);
    final JavaDelegate customerMail = engine.mock(Beans.CUSTOMER_MAIL, JavaDelegate.class);
    final JavaDelegate startSla = engine.mock(Beans.START_SLA_CLOCKS, JavaDelegate.class);
    final JavaDelegate reopen = engine.mock(Beans.REOPEN_RESOLUTION_CLOCK, JavaDelegate.class);
    final JavaDelegate failedVerification = engine.mock(Beans.RECORD_FAILED_VERIFICATION, JavaDelegate.class);
    final JavaDelegate firstResponseBreach = engine.mock(Beans.FIRST_RESPONSE_BREACH, JavaDelegate.class);
    final JavaDelegate firstResponseWarning = engine.mock(Beans.FIRST_RESPONSE_WARNING, JavaDelegate.class);
    final ExecutionListener pause = engine.mock(Beans.PAUSE_RESOLUTION_CLOCK, ExecutionListener.class);
    final ExecutionListener resume = engine.mock(Beans.RESUME_RESOLUTION_CLOCK, ExecutionListener.class);
    final ExecutionListener delivered = engine.mock(Beans.DELIVERED, ExecutionListener.class);
    final ExecutionListener closed = engine.mock(Beans.CLOSED, ExecutionListener.class);
    final ExecutionListener abandoned = engine.mock(Beans.ABANDONED, ExecutionListener.class);
    final ExecutionListener declined = engine.mock(Beans.DECLINED, ExecutionListener.class);
    final ExecutionListener awaitRelease = engine.mock(Beans.AWAIT_RELEASE, ExecutionListener.class);
    final TaskListener triaged = engine.mock(Beans.TRIAGED, TaskListener.class);
    final TaskListener escalationHandled = engine.mock(Beans.ESCALATION_HANDLED, TaskListener.class);
    final JavaDelegate resolvedByProblem = engine.mock(Beans.RESOLVED_BY_PROBLEM, JavaDelegate.class);

    SupportTicketPathsTest() {
        for (String quiet : new String[] {Beans.FIRST_RESPONSE_ESCALATION, Beans.RESOLUTION_WARNING, Beans.RESOLUTION_BREACH,
                Beans.RESOLUTION_ESCALATION, Beans.REPRIORITISE_SLA, Beans.RECORD_PRIORITY, Beans.STATUS_IN_ANALYSIS,
                Beans.STATUS_WAITING_FOR_CUSTOMER, Beans.STATUS_IN_PROGRESS, Beans.STATUS_IN_DEVELOPMENT,
                Beans.STATUS_IN_TESTING, Beans.TASK_CONTEXT, Beans.RESOLVED_IN_SUPPORT, Beans.DEVELOPER_ASSIGNED,
                Beans.FIX_IMPLEMENTED, Beans.FIX_VERIFIED}) {
            Class<?> kind = quiet.startsWith("sla") ? JavaDelegate.class
                    : quiet.startsWith("status") || quiet.equals(Beans.RECORD_PRIORITY) || quiet.equals(Beans.REPRIORITISE_SLA)
                    ? ExecutionListener.class : TaskListener.class;
            engine.mock(quiet, kind);
        }
    }

    @BeforeEach
    void clocksOnTheirTargets() {
        ClockUtil.setCurrentTime(Date.from(RECEIVED));
        when(slaDue.firstResponseWarning(any())).thenReturn(at(Duration.ofMinutes(45)));
        when(slaDue.firstResponseDue(any())).thenReturn(at(Duration.ofHours(1)));
        when(slaDue.firstResponseEscalation(any())).thenReturn(at(Duration.ofMinutes(90)));
        when(slaDue.resolutionWarning(any())).thenReturn(at(Duration.ofHours(6)));
        when(slaDue.resolutionDue(any())).thenReturn(at(Duration.ofHours(8)));
        when(slaDue.resolutionEscalation(any())).thenReturn(at(Duration.ofHours(12)));
    }

    @Test
    void faultResolvedInSupportIsDeliveredAcceptedAndClosed() throws Exception {
        ProcessInstance ticket = triaged(TriageOutcome.RESOLVE_IN_SUPPORT);

        assertThat(ticket).isWaitingAt(Elements.SEND_HANDLING_PLAN);
        execute(job(Elements.SEND_HANDLING_PLAN));
        complete(task(Elements.RESOLVE_IN_SUPPORT));
        deliver(ticket);
        accept(ticket, true);

        assertThat(ticket).hasPassed(Elements.CLOSED).isEnded();
        verify(closed).notify(any());
        verify(customerMail, times(3)).execute(any());
    }

    @Test
    void developmentImplementsAndSupportVerifiesBeforeDelivery() throws Exception {
        ProcessInstance ticket = triaged(TriageOutcome.HAND_TO_DEVELOPMENT);
        execute(job(Elements.SEND_HANDLING_PLAN));

        complete(task(Elements.IMPLEMENT_FIX));
        complete(task(Elements.VERIFY_FIX), withVariables(Variables.VERIFICATION_PASSED, true, Variables.NEEDS_RELEASE, false));

        assertThat(ticket).hasPassed(Elements.IMPLEMENT_FIX, Elements.VERIFY_FIX).hasNotPassed(Elements.AWAIT_RELEASE)
                .isWaitingAt(Elements.SEND_DELIVERY);
    }

    @Test
    void aFixedProblemTakesATicketInDevelopmentStraightToDelivery() throws Exception {
        ProcessInstance ticket = triaged(TriageOutcome.HAND_TO_DEVELOPMENT);
        execute(job(Elements.SEND_HANDLING_PLAN));
        assertThat(ticket).isWaitingAt(Elements.IMPLEMENT_FIX);

        engine.runtime().createMessageCorrelation(Messages.PROBLEM_FIXED).processInstanceBusinessKey(ticket.getBusinessKey())
                .setVariable(Variables.PROBLEM_KEY, "PRB-000001").setVariable(Variables.PROBLEM_FIX, "patched").correlate();

        verify(resolvedByProblem).execute(any());
        assertThat(ticket).hasPassed(Elements.PROBLEM_FIXED, Elements.RECORD_PROBLEM_FIX, Elements.JOIN_DELIVERY_NOTICE)
                .hasNotPassed(Elements.VERIFY_FIX).isWaitingAt(Elements.SEND_DELIVERY);
        Assertions.assertThat(engine.management().createJobQuery().processInstanceId(ticket.getId()).timers().count())
                .as("the resolution clock's timers end with its scope").isZero();
        deliver(ticket);
        verify(delivered).notify(any());
    }

    @Test
    void failedVerificationGoesBackToDevelopment() throws Exception {
        ProcessInstance ticket = triaged(TriageOutcome.HAND_TO_DEVELOPMENT);
        execute(job(Elements.SEND_HANDLING_PLAN));
        complete(task(Elements.IMPLEMENT_FIX));

        complete(task(Elements.VERIFY_FIX), withVariables(Variables.VERIFICATION_PASSED, false, Variables.NEEDS_RELEASE, false));

        assertThat(ticket).hasPassed(Elements.RECORD_FAILED_VERIFICATION).isWaitingAt(Elements.IMPLEMENT_FIX);
        verify(failedVerification).execute(any());
    }

    @Test
    void aFixThatShipsWithAReleaseWaitsForIt() throws Exception {
        ProcessInstance ticket = triaged(TriageOutcome.HAND_TO_DEVELOPMENT);
        execute(job(Elements.SEND_HANDLING_PLAN));
        complete(task(Elements.IMPLEMENT_FIX));
        complete(task(Elements.VERIFY_FIX), withVariables(Variables.VERIFICATION_PASSED, true, Variables.NEEDS_RELEASE, true));
        assertThat(ticket).isWaitingAt(Elements.AWAIT_RELEASE);
        verify(awaitRelease).notify(any());

        engine.runtime().createMessageCorrelation(Messages.RELEASE_DEPLOYED).processInstanceId(ticket.getId())
                .setVariable(Variables.RELEASE_VERSION, "2.4.1").correlate();

        assertThat(ticket).isWaitingAt(Elements.SEND_DELIVERY);
    }

    @Test
    void aSupervisorAssignsTheDeveloperWhenTheOwnerIsUnclear() throws Exception {
        ProcessInstance ticket = triaged(TriageOutcome.SUPERVISOR_ASSIGNS);
        execute(job(Elements.SEND_HANDLING_PLAN));

        assertThat(ticket).isWaitingAt(Elements.ASSIGN_DEVELOPER);
        assertThat(task(Elements.ASSIGN_DEVELOPER)).hasCandidateGroup("supervisors")
                .hasDueDate(at(Duration.ofHours(8)));
        complete(task(Elements.ASSIGN_DEVELOPER));
        assertThat(ticket).isWaitingAt(Elements.IMPLEMENT_FIX);
    }

    @Test
    void aQuestionToTheCustomerPausesTheResolutionClockUntilTheyReply() throws Exception {
        ProcessInstance ticket = triaged(TriageOutcome.NEED_INFORMATION);
        execute(job(Elements.REQUEST_INFORMATION));
        assertThat(ticket).isWaitingAt(Elements.WAIT_FOR_CUSTOMER);
        verify(pause).notify(any());

        engine.runtime().createMessageCorrelation(Messages.CUSTOMER_REPLIED).processInstanceId(ticket.getId())
                .setVariable(Variables.CUSTOMER_COMMENT, "Here it is").correlate();

        verify(resume).notify(any());
        assertThat(ticket).isWaitingAt(Elements.TRIAGE);
    }

    @Test
    void noReplyIsRemindedOnceThenClosedAsAbandoned() throws Exception {
        ProcessInstance ticket = triaged(TriageOutcome.NEED_INFORMATION);
        execute(job(Elements.REQUEST_INFORMATION));

        execute(job(Elements.REMINDER_TIMER));
        execute(job(Elements.SEND_REMINDER));
        execute(job(Elements.INFORMATION_TIMEOUT));
        execute(job(Elements.SEND_ABANDONED));

        assertThat(ticket).hasPassed(Elements.NO_REPLY, Elements.ABANDONED).isEnded();
        verify(abandoned).notify(any());
        verify(customerMail, times(4)).execute(any());
    }

    @Test
    void aDeclinedRequestIsToldAndEnds() throws Exception {
        ProcessInstance ticket = triaged(TriageOutcome.DECLINE);

        execute(job(Elements.SEND_DECLINE));

        assertThat(ticket).hasPassed(Elements.REQUEST_DECLINED, Elements.DECLINED).isEnded();
        verify(declined).notify(any());
    }

    @Test
    void aRejectedDeliveryReopensTheResolutionClockAndGoesBackToTriage() throws Exception {
        ProcessInstance ticket = triaged(TriageOutcome.RESOLVE_IN_SUPPORT);
        execute(job(Elements.SEND_HANDLING_PLAN));
        complete(task(Elements.RESOLVE_IN_SUPPORT));
        deliver(ticket);

        accept(ticket, false);

        verify(reopen).execute(any());
        assertThat(ticket).hasPassed(Elements.REOPEN_RESOLUTION).isWaitingAt(Elements.TRIAGE);
    }

    @Test
    void silenceAfterDeliveryClosesTheTicketWhenTheAcceptanceWindowEnds() throws Exception {
        ProcessInstance ticket = triaged(TriageOutcome.RESOLVE_IN_SUPPORT);
        execute(job(Elements.SEND_HANDLING_PLAN));
        complete(task(Elements.RESOLVE_IN_SUPPORT));
        deliver(ticket);

        execute(job(Elements.ACCEPTANCE_WINDOW));

        assertThat(ticket).hasPassed(Elements.CLOSED).isEnded();
    }

    @Test
    void aFirstResponseBreachGivesSupervisorsATaskWhileTriageGoesOn() throws Exception {
        ProcessInstance ticket = received();
        doAnswer(setsVariables(Map.of(Variables.FIRST_RESPONSE_BREACH_ESCALATED, true))).when(firstResponseBreach).execute(any());

        execute(job(Elements.FIRST_RESPONSE_WARNING));
        execute(job(Elements.FIRST_RESPONSE_BREACH));

        verify(firstResponseWarning).execute(any());
        assertThat(ticket).isWaitingAt(Elements.TRIAGE, Elements.HANDLE_FIRST_RESPONSE_BREACH);
        complete(task(Elements.HANDLE_FIRST_RESPONSE_BREACH));
        verify(escalationHandled).notify(any());
        assertThat(ticket).isWaitingAt(Elements.TRIAGE);
    }

    @Test
    void aBreachAlreadyHandledOnAnotherNodeGivesNoSecondTask() throws Exception {
        ProcessInstance ticket = received();
        doAnswer(setsVariables(Map.of(Variables.FIRST_RESPONSE_BREACH_ESCALATED, false))).when(firstResponseBreach).execute(any());

        execute(job(Elements.FIRST_RESPONSE_BREACH));

        assertThat(ticket).isWaitingAt(Elements.TRIAGE).hasNotPassed(Elements.HANDLE_FIRST_RESPONSE_BREACH);
    }

    @Test
    void triageEndsTheFirstResponseClockAndItsTimers() throws Exception {
        ProcessInstance ticket = triaged(TriageOutcome.RESOLVE_IN_SUPPORT);

        Assertions.assertThat(engine.management().createJobQuery().processInstanceId(ticket.getId())
                .activityId(Elements.FIRST_RESPONSE_BREACH).count()).isZero();
        Assertions.assertThat(engine.management().createJobQuery().processInstanceId(ticket.getId())
                .activityId(Elements.RESOLUTION_BREACH).singleResult().getDuedate()).isEqualTo(at(Duration.ofHours(8)));
        verify(firstResponseBreach, never()).execute(any());
    }

    /** A P2 fault (medium impact, high urgency), received, SLA started and acknowledged: triage waits. */
    private ProcessInstance received() throws Exception {
        ProcessInstance ticket = engine.runtime().startProcessInstanceByKey(SupportTicketProcess.KEY, "OPS-000001", Map.of(
                Variables.TICKET_KEY, "OPS-000001", Variables.TICKET_TITLE, "Export fails",
                Variables.TICKET_TYPE, "FAULT", Variables.IMPACT, "MEDIUM", Variables.URGENCY, "HIGH"));
        assertThat(ticket).isWaitingAt(Elements.SEND_ACKNOWLEDGEMENT).variables().containsKey(Variables.PRIORITY);
        verify(startSla).execute(any());
        execute(job(Elements.SEND_ACKNOWLEDGEMENT));
        assertThat(ticket).isWaitingAt(Elements.TRIAGE);
        assertThat(task(Elements.TRIAGE)).hasCandidateGroup("support").hasDueDate(at(Duration.ofHours(1)));
        return ticket;
    }

    /** Received and triaged with this outcome; the triage listener sets what the form would. */
    private ProcessInstance triaged(TriageOutcome outcome) throws Exception {
        ProcessInstance ticket = received();
        Map<String, Object> form = new HashMap<>(Map.of(Variables.TRIAGE_OUTCOME, outcome.name(),
                Variables.DEVELOPER, "dave", Variables.AGREED_DELIVERY_DUE, at(Duration.ofDays(5))));
        doAnswer(setsVariables(form)).when(triaged).notify(any());
        complete(task(Elements.TRIAGE), withVariables(Variables.TRIAGE_OUTCOME, outcome.name()));
        return ticket;
    }

    private void deliver(ProcessInstance ticket) throws Exception {
        assertThat(ticket).isWaitingAt(Elements.SEND_DELIVERY);
        execute(job(Elements.SEND_DELIVERY));
        assertThat(ticket).isWaitingAt(Elements.AWAIT_ACCEPTANCE);
        verify(delivered).notify(any());
    }

    private void accept(ProcessInstance ticket, boolean accepted) {
        engine.runtime().createMessageCorrelation(Messages.CUSTOMER_ACCEPTANCE).processInstanceId(ticket.getId())
                .setVariable(Variables.ACCEPTED, accepted).correlate();
    }

    private static Date at(Duration afterReceipt) {
        return Date.from(RECEIVED.plus(afterReceipt));
    }
}
