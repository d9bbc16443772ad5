package io.opsdesk.ticket.process;

import io.opsdesk.notification.CustomerMailer;
import io.opsdesk.engine.ProcessBean;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/**
 * Service tasks that mail the customer: {@code camunda:delegateExpression="${customerMail}"} with the
 * input parameter {@code mailTemplate}. Runs after an asynchronous continuation, so a failure is
 * retried and then left as an incident; the ticket is untouched by it.
 */
@ProcessBean("customerMail")
class CustomerMailDelegate implements JavaDelegate {

    private final CustomerMailer mailer;

    CustomerMailDelegate(CustomerMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String template = (String) execution.getVariableLocal(Variables.MAIL_TEMPLATE);
        Map<String, Object> details = new HashMap<>();
        for (String name : new String[] {Variables.INFORMATION_REQUEST, Variables.HANDLING_PLAN, Variables.DECLINE_REASON,
                Variables.PRIORITY, Variables.AGREED_DELIVERY_DATE, Variables.RELEASE_VERSION}) {
            details.put(name, execution.getVariable(name));
        }
        mailer.send(execution.getProcessBusinessKey(), template, details);
    }
}
