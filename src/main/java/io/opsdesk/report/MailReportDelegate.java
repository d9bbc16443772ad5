package io.opsdesk.report;

import io.opsdesk.engine.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.opsdesk.report.OperationsReportProcess.Variables;

/** {@code ServiceTask_MailReport}: mails the stored report to the managers; a failure is retried, then an incident. */
@ProcessBean("reportMail")
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
