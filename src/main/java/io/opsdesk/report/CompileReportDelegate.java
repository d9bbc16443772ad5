package io.opsdesk.report;


import io.opsdesk.engine.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;

import io.opsdesk.report.OperationsReportProcess.Variables;
import io.opsdesk.engine.EngineTime;

/**
 * {@code ServiceTask_CompileReport}: works out the period from the start's variables, compiles and stores the
 * report and sets {@code reportId}. A wrong period stops the start with a message that names the field.
 */
@ProcessBean("reportCompile")
class CompileReportDelegate implements JavaDelegate {

    private final ReportService reports;
    private final ReportProperties properties;

    CompileReportDelegate(ReportService reports, ReportProperties properties) {
        this.reports = reports;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReportPeriod period = period(execution.getVariable(Variables.PERIOD), execution.getVariable(Variables.FIRST_DAY),
                execution.getVariable(Variables.LAST_DAY));
        Object trigger = execution.getVariable(Variables.TRIGGER);
        Object initiator = execution.getVariable(Variables.INITIATOR);
        String triggeredBy = trigger != null ? trigger.toString() : "manual" + (initiator == null ? "" : ":" + initiator);
        execution.setVariable(Variables.REPORT_ID, reports.publish(period, triggeredBy));
    }

    private ReportPeriod period(Object kind, Object firstDay, Object lastDay) {
        try {
            return PeriodRequest.parse(kind, firstDay, lastDay, EngineTime.now(), properties.zone());
        } catch (InvalidPeriodException e) {
            throw new NotValidException(e.field() + ": " + e.getMessage());
        }
    }
}
