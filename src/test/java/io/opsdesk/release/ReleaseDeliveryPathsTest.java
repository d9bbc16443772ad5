package io.opsdesk.release;

import static io.opsdesk.testing.BareEngine.setsVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opsdesk.release.ReleaseDeliveryProcess.Beans;
import io.opsdesk.release.ReleaseDeliveryProcess.Elements;
import io.opsdesk.release.ReleaseDeliveryProcess.Variables;
import io.opsdesk.testing.BareEngine;

/**
 * {@code release-delivery.bpmn} on a bare engine, every bean it names mocked: one test per path (approved and
 * delivered, not approved, rolled back) plus the maintenance-window timer and a delivery that breaks down. What the
 * beans do is tested with the application ({@link ReleaseDeliveryProcessTest}).
 */
class ReleaseDeliveryPathsTest {

    @RegisterExtension
    static final BareEngine engine = BareEngine.deploying("release-delivery.bpmn");

    private static final Instant WINDOW_START = Instant.parse("2026-12-08T14:00:00Z");
    private static final Instant WINDOW_END = Instant.parse("2026-12-08T16:00:00Z");

    final JavaDelegate register = engine.mock(Beans.REGISTER, JavaDelegate.class);
    final JavaDelegate planWindow = engine.mock(Beans.PLAN_WINDOW, JavaDelegate.class);
    final JavaDelegate deliverTicket = engine.mock(Beans.DELIVER_TICKET, JavaDelegate.class);
    final JavaDelegate rollbackNotice = engine.mock(Beans.ROLLBACK_NOTICE, JavaDelegate.class);
    final TaskListener taskContext = engine.mock(Beans.TASK_CONTEXT, TaskListener.class);
    final TaskListener approvalRecord = engine.mock(Beans.APPROVAL_RECORD, TaskListener.class);
    final TaskListener deploymentRecord = engine.mock(Beans.DEPLOYMENT_RECORD, TaskListener.class);
    final TaskListener verificationRecord = engine.mock(Beans.VERIFICATION_RECORD, TaskListener.class);
    final TaskListener rollbackRecord = engine.mock(Beans.ROLLBACK_RECORD, TaskListener.class);
    final ExecutionListener deploying = engine.mock(Beans.DEPLOYING, ExecutionListener.class);
    final ExecutionListener verifying = engine.mock(Beans.VERIFYING, ExecutionListener.class);
    final ExecutionListener rollingBack = engine.mock(Beans.ROLLING_BACK, ExecutionListener.class);
    final ExecutionListener delivered = engine.mock(Beans.DELIVERED, ExecutionListener.class);
    final ExecutionListener rolledBack = engine.mock(Beans.ROLLED_BACK, ExecutionListener.class);
    final List<Object> deliveredTickets = new ArrayList<>();

    @BeforeEach
    void registerAndPlanSetWhatTheModelRoutesOn() throws Exception {
        doAnswer(setsVariables(Map.of(Variables.RELEASE_ID, 3L, Variables.RELEASE_KEY, "REL-3",
                Variables.TICKET_KEYS, new ArrayList<>(List.of("OPS-000001", "OPS-000002"))))).when(register).execute(any());
        doAnswer(setsVariables(Map.of(Variables.WINDOW_START, Date.from(WINDOW_START),
                Variables.WINDOW_END, Date.from(WINDOW_END)))).when(planWindow).execute(any());
        doAnswer(call -> deliveredTickets.add(call.<DelegateExecution>getArgument(0).getVariable(Variables.TICKET_KEY)))
                .when(deliverTicket).execute(any());
    }

    @Test
    void approvedReleaseWaitsForTheWindowIsDeployedVerifiedAndDeliversEachTicketInAJobOfItsOwn() throws Exception {
        ProcessInstance release = approvedAndInWindow();

        assertThat(release).isWaitingAt(Elements.DEPLOY).task().hasCandidateGroup("support").hasDueDate(Date.from(WINDOW_END));
        verify(deploying).notify(any());
        complete(task(), withVariables(Variables.DEPLOYMENT_NOTES, "done"));
        verify(deploymentRecord).notify(any());
        verify(verifying).notify(any());
        complete(task(), withVariables(Variables.VERIFIED, true));
        verify(verificationRecord).notify(any());

        assertThat(release).isWaitingAt(Elements.DELIVER_TICKETS);
        execute(job());
        execute(job());
        assertThat(deliveredTickets).containsExactly("OPS-000001", "OPS-000002");
        verify(delivered).notify(any());
        assertThat(release).hasPassedInOrder(Elements.REGISTER, Elements.APPROVE, Elements.PLAN_WINDOW,
                Elements.MAINTENANCE_WINDOW, Elements.DEPLOY, Elements.VERIFY, Elements.DELIVER_TICKETS, Elements.DELIVERED)
                .hasNotPassed(Elements.ROLL_BACK).isEnded();
    }

    @Test
    void releaseNotApprovedEndsWithoutPlanningAWindow() throws Exception {
        ProcessInstance release = start();

        assertThat(release).isWaitingAt(Elements.APPROVE).task().hasCandidateGroup("supervisors");
        complete(task(), withVariables(Variables.APPROVED, false, Variables.APPROVAL_COMMENT, "not now"));

        verify(approvalRecord).notify(any());
        verify(planWindow, never()).execute(any());
        assertThat(release).hasPassed(Elements.REJECTED).hasNotPassed(Elements.PLAN_WINDOW).isEnded();
    }

    @Test
    void releaseThatFailsVerificationIsRolledBackAndTheRollbackIsMailedInAJobOfItsOwn() throws Exception {
        ProcessInstance release = approvedAndInWindow();
        complete(task(), withVariables(Variables.DEPLOYMENT_NOTES, "done"));
        complete(task(), withVariables(Variables.VERIFIED, false, Variables.VERIFICATION_NOTES, "login fails"));

        assertThat(release).isWaitingAt(Elements.ROLL_BACK).task().hasCandidateGroup("support");
        verify(rollingBack).notify(any());
        complete(task(), withVariables(Variables.ROLLED_BACK, true, Variables.ROLLBACK_NOTES, "restored"));
        verify(rollbackRecord).notify(any());
        assertThat(release).isWaitingAt(Elements.SEND_ROLLBACK_NOTICE);
        verify(rollbackNotice, never()).execute(any());
        execute(job());

        verify(rollbackNotice).execute(any());
        verify(rolledBack).notify(any());
        verify(deliverTicket, never()).execute(any());
        assertThat(release).hasPassedInOrder(Elements.VERIFY, Elements.ROLL_BACK, Elements.SEND_ROLLBACK_NOTICE,
                Elements.ROLLED_BACK).hasNotPassed(Elements.DELIVER_TICKETS).isEnded();
    }

    @Test
    void approvedReleaseWaitsUntilTheMaintenanceWindowOpens() throws Exception {
        ProcessInstance release = start();
        complete(task(), withVariables(Variables.APPROVED, true));

        assertThat(release).isWaitingAt(Elements.MAINTENANCE_WINDOW);
        assertThat(job().getDuedate()).isEqualTo(Date.from(WINDOW_START));
        verify(deploying, never()).notify(any());
    }

    @Test
    void deliveryThatBreaksDownThreeTimesIsAnIncidentWithoutDeliveringTheFirstTicketAgain() throws Exception {
        doAnswer(call -> {
            Object ticket = call.<DelegateExecution>getArgument(0).getVariable(Variables.TICKET_KEY);
            deliveredTickets.add(ticket);
            if ("OPS-000002".equals(ticket)) {
                throw new IllegalStateException("correlation failed");
            }
            return null;
        }).when(deliverTicket).execute(any());
        ProcessInstance release = approvedAndInWindow();
        complete(task(), withVariables(Variables.DEPLOYMENT_NOTES, "done"));
        complete(task(), withVariables(Variables.VERIFIED, true));
        execute(job());

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> execute(job())).hasMessage("correlation failed");
        }

        assertThat(deliveredTickets).containsExactly("OPS-000001", "OPS-000002", "OPS-000002", "OPS-000002");
        assertThat(engine.runtime().createIncidentQuery().processInstanceId(release.getId())
                .activityId(Elements.DELIVER_TICKETS).count()).isOne();
        verify(delivered, never()).notify(any());
        assertThat(release).isWaitingAt(Elements.DELIVER_TICKETS);
    }

    /** Started as the API starts it; the register step (mocked) set the release's id and its ticket list. */
    private ProcessInstance start() throws Exception {
        ProcessInstance release = engine.runtime().startProcessInstanceByKey(ReleaseDeliveryProcess.KEY, Map.of(
                Variables.VERSION, "2.4.1", Variables.TICKET_KEYS, new ArrayList<>(List.of("OPS-000001", "OPS-000002")),
                Variables.INITIATOR, "alice"));
        assertThat(release).isWaitingAt(Elements.APPROVE);
        verify(register).execute(any());
        verify(taskContext).notify(any());
        return release;
    }

    /** Approved, and the window's timer has fired: the deploy task waits. */
    private ProcessInstance approvedAndInWindow() throws Exception {
        ProcessInstance release = start();
        complete(task(), withVariables(Variables.APPROVED, true, Variables.APPROVAL_COMMENT, "go"));
        verify(planWindow).execute(any());
        assertThat(release).isWaitingAt(Elements.MAINTENANCE_WINDOW);
        ClockUtil.setCurrentTime(Date.from(WINDOW_START));
        execute(job());
        return release;
    }
}
