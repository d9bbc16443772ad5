package io.opsdesk.problem;

import static io.opsdesk.testing.BareEngine.setsVariables;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opsdesk.problem.ProblemProcess.Beans;
import io.opsdesk.problem.ProblemProcess.Elements;
import io.opsdesk.problem.ProblemProcess.Variables;
import io.opsdesk.testing.BareEngine;

/**
 * {@code problem.bpmn} on a bare engine, every bean mocked: investigated to a known error, fixed, and the linked
 * tickets moved on in a job of their own, which is retried when it fails. What the beans do: {@link ProblemApiTest}.
 */
class ProblemPathsTest {

    @RegisterExtension
    static final BareEngine engine = BareEngine.deploying("problem.bpmn");

    final JavaDelegate record = engine.mock(Beans.RECORD, JavaDelegate.class);
    final TaskListener taskContext = engine.mock(Beans.TASK_CONTEXT, TaskListener.class);
    final TaskListener knownError = engine.mock(Beans.KNOWN_ERROR, TaskListener.class);
    final TaskListener fixed = engine.mock(Beans.FIXED, TaskListener.class);
    final JavaDelegate moveTicketsOn = engine.mock(Beans.MOVE_TICKETS_ON, JavaDelegate.class);

    @BeforeEach
    void recordSetsTheKey() throws Exception {
        doAnswer(setsVariables(Map.of(Variables.PROBLEM_KEY, "PRB-000001"))).when(record).execute(any());
    }

    @Test
    void investigatedThenFixedMovesTheLinkedTicketsOnAfterTheFix() throws Exception {
        ProcessInstance problem = start();

        assertThat(problem).isWaitingAt(Elements.INVESTIGATE).task().hasCandidateGroup("development").hasCandidateGroup("support");
        complete(task(), withVariables(Variables.ROOT_CAUSE, "pool exhausted", Variables.WORKAROUND, "restart the node"));
        verify(knownError).notify(any());

        assertThat(problem).isWaitingAt(Elements.FIX).task().hasCandidateGroup("development");
        complete(task(), withVariables(Variables.FIX, "pool sized to load"));
        verify(fixed).notify(any());
        verify(moveTicketsOn, never()).execute(any());

        assertThat(problem).isWaitingAt(Elements.MOVE_TICKETS_ON);
        execute(job());
        verify(moveTicketsOn).execute(any());
        assertThat(problem).hasPassedInOrder(Elements.RECORD, Elements.INVESTIGATE, Elements.FIX, Elements.MOVE_TICKETS_ON,
                Elements.FIXED).isEnded();
    }

    @Test
    void movingTheTicketsOnThatFailsIsRetriedNotLost() throws Exception {
        ProcessInstance problem = start();
        assertThat(problem).isWaitingAt(Elements.INVESTIGATE);
        complete(task(), withVariables(Variables.ROOT_CAUSE, "cause", Variables.WORKAROUND, "workaround"));
        complete(task(), withVariables(Variables.FIX, "fix"));
        doThrow(new IllegalStateException("ticket engine busy")).when(moveTicketsOn).execute(any());

        try {
            execute(job());
        } catch (IllegalStateException expected) {
            // the job keeps its place, with the failure and one retry fewer
        }

        assertThat(problem).isWaitingAt(Elements.MOVE_TICKETS_ON);
        org.camunda.bpm.engine.runtime.Job failed = engine.management().createJobQuery().processInstanceId(problem.getId())
                .singleResult();
        org.assertj.core.api.Assertions.assertThat(failed.getExceptionMessage()).contains("ticket engine busy");
        org.assertj.core.api.Assertions.assertThat(failed.getRetries()).as("retried on the app's schedule").isPositive();
    }

    private ProcessInstance start() throws Exception {
        ProcessInstance problem = engine.runtime().startProcessInstanceByKey(ProblemProcess.KEY,
                Map.of(Variables.TITLE, "Login times out", Variables.SYSTEM, "portal", Variables.INITIATOR, "alice"));
        verify(record).execute(any());
        verify(taskContext).notify(any());
        return problem;
    }
}
