package io.opsdesk.inspection;

import static io.opsdesk.testing.BareEngine.setsVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opsdesk.inspection.DailyInspectionProcess.Elements;
import io.opsdesk.inspection.DailyInspectionProcess.Variables;
import io.opsdesk.testing.BareEngine;

/**
 * {@code daily-inspection.bpmn} and its schedule on a bare engine, delegates mocked: one test per path. What the
 * delegates do is tested with the application ({@link DailyInspectionProcessTest}).
 */
class DailyInspectionPathsTest {

    @RegisterExtension
    static final BareEngine engine = BareEngine.deploying("daily-inspection.bpmn", "daily-inspection-schedule.bpmn")
            .bean("inspectionSchedule", Map.of("cycle", "0 0 9 ? * MON-FRI"));

    final JavaDelegate startRun = engine.mock("inspectionStartRun", JavaDelegate.class);
    final JavaDelegate checkTarget = engine.mock("inspectionCheckTarget", JavaDelegate.class);
    final JavaDelegate recordFindings = engine.mock("inspectionRecordFindings", JavaDelegate.class);
    final TaskListener reviewContext = engine.mock("inspectionReviewContext", TaskListener.class);
    final TaskListener reviewRecord = engine.mock("inspectionReviewRecord", TaskListener.class);
    final List<Object> checked = new ArrayList<>();

    @BeforeEach
    void checkTargetNotesEachTargetItChecks() throws Exception {
        doAnswer(call -> {
            checked.add(call.<DelegateExecution>getArgument(0).getVariable(Variables.TARGET_NAME));
            return null;
        }).when(checkTarget).execute(any());
    }

    @Test
    void everyTargetIsCheckedInAJobOfItsOwnThenFindingsAreRecordedAndSupportReviews() throws Exception {
        ProcessInstance run = startWithTargets("web-1", "db-1");

        assertThat(run).isWaitingAt(Elements.CHECK_TARGET);
        execute(job());
        execute(job());
        assertThat(checked).containsExactly("web-1", "db-1");
        assertThat(run).hasPassed(Elements.CHECK_TARGET).isWaitingAt(Elements.RECORD_FINDINGS);
        execute(job());

        verify(recordFindings).execute(any());
        assertThat(run).isWaitingAt(Elements.REVIEW).task().hasCandidateGroup("support");
        complete(task());
        verify(reviewContext).notify(any());
        verify(reviewRecord).notify(any());
        assertThat(run).hasPassedInOrder(Elements.START_RUN, Elements.CHECK_TARGET, Elements.RECORD_FINDINGS, Elements.REVIEW)
                .isEnded();
    }

    @Test
    void aRunWithoutTargetsGoesStraightToRecordingFindings() throws Exception {
        ProcessInstance run = startWithTargets();

        assertThat(run).isWaitingAt(Elements.RECORD_FINDINGS);
        verify(checkTarget, never()).execute(any());
    }

    @Test
    void aCheckThatBreaksDownThreeTimesIsAnIncidentAndTheTargetsCheckedBeforeAreNotCheckedAgain() throws Exception {
        doAnswer(call -> {
            Object target = call.<DelegateExecution>getArgument(0).getVariable(Variables.TARGET_NAME);
            checked.add(target);
            if ("db-1".equals(target)) {
                throw new IllegalStateException("probe crashed");
            }
            return null;
        }).when(checkTarget).execute(any());
        ProcessInstance run = startWithTargets("web-1", "db-1");
        assertThat(run).isWaitingAt(Elements.CHECK_TARGET);
        execute(job());

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> execute(job())).hasMessage("probe crashed");
        }

        assertThat(checked).containsExactly("web-1", "db-1", "db-1", "db-1");
        assertThat(engine.runtime().createIncidentQuery().processInstanceId(run.getId()).activityId(Elements.CHECK_TARGET).count()).isOne();
        assertThat(run).isWaitingAt(Elements.CHECK_TARGET);
    }

    @Test
    void scheduleStartsAnInspectionTriggeredByTheScheduleAndWaitsForTheNextWorkingDay() throws Exception {
        doAnswer(setsVariables(Map.of(Variables.TARGET_NAMES, new ArrayList<>(), Variables.RUN_ID, 1L))).when(startRun).execute(any());
        Job timer = jobQuery().processDefinitionKey(DailyInspectionProcess.SCHEDULE_KEY).timers().singleResult();
        ClockUtil.setCurrentTime(timer.getDuedate());

        execute(timer);

        ProcessInstance schedule = engine.runtime().createProcessInstanceQuery()
                .processDefinitionKey(DailyInspectionProcess.SCHEDULE_KEY).singleResult();
        assertThat(schedule).isWaitingAt(Elements.CALL_INSPECTION).calledProcessInstance(DailyInspectionProcess.KEY)
                .isWaitingAt(Elements.RECORD_FINDINGS).variables().containsEntry(Variables.TRIGGER, "schedule");
        Date next = jobQuery().processDefinitionKey(DailyInspectionProcess.SCHEDULE_KEY).timers().singleResult().getDuedate();
        assertThat(next).isAfter(timer.getDuedate());
        assertThat(next.toInstant().atZone(ZoneId.systemDefault()).getHour()).isEqualTo(9);
    }

    /** Starts a run whose start step (mocked) chose these targets. */
    private ProcessInstance startWithTargets(String... targets) throws Exception {
        doAnswer(setsVariables(Map.of(Variables.TARGET_NAMES, new ArrayList<>(List.of(targets)), Variables.RUN_ID, 7L)))
                .when(startRun).execute(any());
        ProcessInstance run = engine.runtime().startProcessInstanceByKey(DailyInspectionProcess.KEY);
        verify(startRun).execute(any());
        return run;
    }
}
