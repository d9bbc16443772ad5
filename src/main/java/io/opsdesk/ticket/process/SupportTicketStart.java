package io.opsdesk.ticket.process;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import io.opsdesk.engine.ProcessText;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.TicketProcess;
import io.opsdesk.ticket.process.SupportTicketProcess.Messages;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/** The ticket's side of {@code support-ticket.bpmn}: starts it by the ticket's key, correlates the customer's words. */
@Component
class SupportTicketStart implements TicketProcess {

    private final RuntimeService runtime;

    SupportTicketStart(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public ProcessInstance start(Ticket ticket) {
        return runtime.startProcessInstanceByKey(SupportTicketProcess.KEY, ticket.key(), Map.of(
                Variables.TICKET_KEY, ticket.key(),
                Variables.TICKET_TITLE, ticket.title(),
                Variables.TICKET_TYPE, ticket.type().name(),
                Variables.IMPACT, ticket.impact().name(),
                Variables.URGENCY, ticket.urgency().name()));
    }

    @Override
    public void customerReplied(String key, String message) {
        runtime.createMessageCorrelation(Messages.CUSTOMER_REPLIED).processInstanceBusinessKey(key)
                .setVariable(Variables.CUSTOMER_COMMENT, ProcessText.fit(message))
                .correlate();
    }

    @Override
    public void customerAnswered(String key, boolean accepted, String comment) {
        runtime.createMessageCorrelation(Messages.CUSTOMER_ACCEPTANCE).processInstanceBusinessKey(key)
                .setVariable(Variables.ACCEPTED, accepted)
                .setVariable(Variables.CUSTOMER_COMMENT, comment == null ? null : ProcessText.fit(comment))
                .correlate();
    }
}
