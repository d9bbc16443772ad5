package io.opsdesk.report;

import static io.opsdesk.testing.BareEngine.setsVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opsdesk.report.OperationsReportProcess.Elements;
import io.opsdesk.report.OperationsReportProcess.Variables;
import io.opsdesk.testing.BareEngine;

/**
 * {@code operations-report.bpmn} and its weekly and monthly schedules on a bare engine, delegates mocked: one test
 * per path. What the delegates do is tested with the application ({@link OperationsReportTest}).
 */
class OperationsReportPathsTest {

    @RegisterExtension
    static final BareEngine engine = BareEngine
            .deploying("operations-report.bpmn", "operations-report-weekly.bpmn", "operations-report-monthly.bpmn")
            .bean("reportSchedule", Map.of("weekly", "0 0 8 ? * MON", "monthly", "0 0 8 1 * ?"));

    final JavaDelegate compile = engine.mock("reportCompile", JavaDelegate.class);
    final JavaDelegate mail = engine.mock("reportMail", JavaDelegate.class);

    @Test
    void reportAskedForIsCompiledWhileStartingAndMailedInAJobOfItsOwn() throws Exception {
        doAnswer(setsVariables(Map.of(Variables.REPORT_ID, 42L))).when(compile).execute(any());

        ProcessInstance report = engine.runtime().startProcessInstanceByKey(OperationsReportProcess.KEY,
                Map.of(Variables.PERIOD, "LAST_7_DAYS"));

        assertThat(report).hasPassed(Elements.COMPILE).isWaitingAt(Elements.MAIL).variables().containsEntry(Variables.REPORT_ID, 42L);
        verify(mail, never()).execute(any());
        execute(job());
        verify(mail).execute(any());
        assertThat(report).hasPassed(Elements.MAIL).isEnded();
    }

    @Test
    void aPeriodTheCompileStepRefusesStartsNothing() throws Exception {
        doThrow(new NotValidException("periodLastDay: before periodFirstDay")).when(compile).execute(any());

        assertThatThrownBy(() -> engine.runtime().startProcessInstanceByKey(OperationsReportProcess.KEY,
                Map.of(Variables.PERIOD, "CUSTOM"))).isInstanceOf(NotValidException.class).hasMessageContaining("periodLastDay");
        assertThat(engine.runtime().createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void aFailingMailIsRetriedOnTheAppsScheduleAndThenBecomesAnIncident() throws Exception {
        doThrow(new IllegalStateException("SMTP down")).when(mail).execute(any());
        Instant now = Instant.parse("2024-06-10T08:00:00Z");
        ClockUtil.setCurrentTime(Date.from(now));
        ProcessInstance report = engine.runtime().startProcessInstanceByKey(OperationsReportProcess.KEY);
        assertThat(report).isWaitingAt(Elements.MAIL);

        assertThatThrownBy(() -> execute(job())).hasMessage("SMTP down");
        assertThat(job().getDuedate()).isEqualTo(Date.from(now.plus(Duration.ofMinutes(1))));
        for (int retry = 1; retry <= 4; retry++) {
            assertThatThrownBy(() -> execute(job())).hasMessage("SMTP down");
        }
        assertThat(mailIncidents(report)).isZero();
        assertThatThrownBy(() -> execute(job())).hasMessage("SMTP down");

        verify(mail, times(6)).execute(any());
        assertThat(mailIncidents(report)).isOne();
        assertThat(report).isWaitingAt(Elements.MAIL);
    }

    @Test
    void weeklyScheduleReportsOnThePreviousWeekAndWaitsForTheNextMonday() throws Exception {
        Job timer = scheduleTimer(OperationsReportProcess.WEEKLY_KEY);
        ClockUtil.setCurrentTime(timer.getDuedate());

        execute(timer);

        ProcessInstance schedule = scheduled(OperationsReportProcess.WEEKLY_KEY);
        assertThat(schedule).isWaitingAt(Elements.CALL_REPORT).calledProcessInstance(OperationsReportProcess.KEY)
                .isWaitingAt(Elements.MAIL).variables()
                .containsEntry(Variables.PERIOD, "PREVIOUS_WEEK").containsEntry(Variables.TRIGGER, "schedule:weekly");
        verify(compile).execute(any());
        assertThat(scheduleTimer(OperationsReportProcess.WEEKLY_KEY).getDuedate())
                .isEqualTo(Date.from(timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).plusWeeks(1).toInstant()));
    }

    @Test
    void monthlyScheduleReportsOnThePreviousMonth() throws Exception {
        execute(scheduleTimer(OperationsReportProcess.MONTHLY_KEY));

        ProcessInstance schedule = scheduled(OperationsReportProcess.MONTHLY_KEY);
        assertThat(schedule).calledProcessInstance(OperationsReportProcess.KEY).variables()
                .containsEntry(Variables.PERIOD, "PREVIOUS_MONTH").containsEntry(Variables.TRIGGER, "schedule:monthly");
        verify(compile).execute(any());
    }

    private static long mailIncidents(ProcessInstance report) {
        return engine.runtime().createIncidentQuery().processInstanceId(report.getId()).activityId(Elements.MAIL).count();
    }

    private static Job scheduleTimer(String key) {
        return jobQuery().processDefinitionKey(key).timers().singleResult();
    }

    private static ProcessInstance scheduled(String key) {
        return engine.runtime().createProcessInstanceQuery().processDefinitionKey(key).singleResult();
    }
}
