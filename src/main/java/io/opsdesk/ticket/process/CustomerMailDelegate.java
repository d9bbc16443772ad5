package io.opsdesk.ticket.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.notification.CustomerMailer;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.TicketRecord;
import io.opsdesk.ticket.Tickets;
import io.opsdesk.ticket.TrackingTokens;
import io.opsdesk.ticket.Visibility;
import io.opsdesk.ticket.process.SupportTicketProcess.Beans;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/**
 * Service tasks that mail the customer: {@code camunda:delegateExpression="${customerMail}"} with the input
 * parameter {@code mailTemplate}. Runs after an asynchronous continuation, so a failure is retried and then
 * left as an incident; the mail is noted on the public timeline once sent.
 */
@ProcessBean(Beans.CUSTOMER_MAIL)
class CustomerMailDelegate implements JavaDelegate {

    private static final String[] DETAILS = {Variables.INFORMATION_REQUEST, Variables.HANDLING_PLAN,
            Variables.DECLINE_REASON, Variables.PRIORITY, Variables.AGREED_DELIVERY_DATE, Variables.RELEASE_VERSION};

    private final CustomerMailer mailer;
    private final Tickets tickets;
    private final TrackingTokens tokens;

    CustomerMailDelegate(CustomerMailer mailer, Tickets tickets, TrackingTokens tokens) {
        this.mailer = mailer;
        this.tickets = tickets;
        this.tokens = tokens;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String template = (String) execution.getVariableLocal(Variables.MAIL_TEMPLATE);
        Map<String, Object> details = new HashMap<>();
        for (String name : DETAILS) {
            details.put(name, execution.getVariable(name));
        }
        Ticket ticket = tickets.get(execution.getProcessBusinessKey());
        String subject = mailer.send(MailTickets.of(ticket), template, tokens.issueLinkToken(ticket.id(), template), details);
        tickets.note(ticket.key(), TicketRecord.OPSDESK, "MAIL", "Mail sent to the customer: " + subject, Visibility.PUBLIC);
    }
}
