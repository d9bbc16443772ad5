package io.opsdesk.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.exception.NotValidException;

import io.opsdesk.engine.EngineTime;
import io.opsdesk.engine.ProcessBean;
import io.opsdesk.report.OperationsReportProcess.Beans;
import io.opsdesk.report.OperationsReportProcess.Variables;

/**
 * {@code ServiceTask_CompileReport}: works out the period from the start's variables, compiles and stores the
 * report and sets {@code reportId}. A wrong period stops the start with a message that names the field.
 */
@ProcessBean(Beans.COMPILE)
class CompileReportDelegate implements JavaDelegate {

    private final ReportService reports;
    private final ReportProperties properties;

    CompileReportDelegate(ReportService reports, ReportProperties properties) {
        this.reports = reports;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReportPeriod period;
        try {
            // the raw values as the start form or the API gave them: PeriodRequest checks and names each
            period = PeriodRequest.parse(execution.getVariable(Variables.PERIOD), execution.getVariable(Variables.FIRST_DAY),
                    execution.getVariable(Variables.LAST_DAY), EngineTime.now(), properties.zone());
        } catch (InvalidPeriodException e) {
            throw new NotValidException(e.field() + ": " + e.getMessage());
        }
        execution.setVariable(Variables.REPORT_ID, reports.publish(period, Variables.triggeredBy(execution)));
    }
}
