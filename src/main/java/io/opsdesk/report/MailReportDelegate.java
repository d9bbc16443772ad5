package io.opsdesk.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsdesk.report.OperationsReportProcess.Variables;

/** {@code ServiceTask_MailReport}: mails the stored report to the managers; a failure is retried, then an incident. */
@Component("reportMail")
class MailReportDelegate implements JavaDelegate {

    private final ReportMailer mailer;

    MailReportDelegate(ReportMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mailer.mail(((Number) execution.getVariable(Variables.REPORT_ID)).longValue());
    }
}
