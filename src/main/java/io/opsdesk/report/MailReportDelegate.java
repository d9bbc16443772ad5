package io.opsdesk.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.report.OperationsReportProcess.Beans;
import io.opsdesk.report.OperationsReportProcess.Variables;

/** {@code ServiceTask_MailReport}: mails the stored report to the managers; a failure is retried, then an incident. */
@ProcessBean(Beans.MAIL)
class MailReportDelegate implements JavaDelegate {

    private final ReportMailer mailer;

    MailReportDelegate(ReportMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mailer.mail(Variables.reportId(execution));
    }
}
