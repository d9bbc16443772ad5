package io.opsdesk.ticket.process;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import io.opsdesk.engine.ProcessText;
import io.opsdesk.identity.Groups;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.Tickets;
import io.opsdesk.ticket.TimelineEntry;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/** The read-only ticket context every form of the ticket shows: the ticket, the last word, the latest timeline. */
@Component
class TaskContextText {

    private final Tickets tickets;
    private final IdentityService identity;

    TaskContextText(Tickets tickets, IdentityService identity) {
        this.tickets = tickets;
        this.identity = identity;
    }

    String of(Ticket ticket, DelegateTask task) {
        StringBuilder text = new StringBuilder()
                .append(ticket.key()).append(" — ").append(ticket.title()).append('\n')
                .append("Type: ").append(ticket.type())
                .append(" · Impact: ").append(ticket.impact())
                .append(" · Urgency: ").append(ticket.urgency())
                .append(" · Priority: ").append(ticket.priority() == null ? "not yet decided" : ticket.priority()).append('\n')
                .append("System: ").append(ticket.system()).append('\n')
                .append("Customer: ").append(ticket.customerName()).append(" <").append(ticket.customerEmail()).append('>')
                .append(ticket.customerOrganization() == null ? "" : ", " + ticket.customerOrganization()).append('\n');
        if (ticket.agreedDeliveryDate() != null) {
            text.append("Agreed delivery date: ").append(ticket.agreedDeliveryDate()).append('\n');
        }
        if (ticket.testFailureCount() > 0) {
            text.append("Failed verifications so far: ").append(ticket.testFailureCount()).append('\n');
        }
        Object findings = task.getVariable(Variables.VERIFICATION_FINDINGS);
        if (Elements.IMPLEMENT_FIX.equals(task.getTaskDefinitionKey()) && findings != null) {
            text.append("\nFindings of the last verification:\n").append(findings).append('\n');
        }
        Object comment = task.getVariable(Variables.CUSTOMER_COMMENT);
        if (comment != null) {
            text.append("\nLatest word from the customer:\n").append(comment).append('\n');
        }
        if (ticket.handlingPlan() != null) {
            text.append("\nHandling plan:\n").append(ticket.handlingPlan()).append('\n');
        }
        if (Elements.ASSIGN_DEVELOPER.equals(task.getTaskDefinitionKey())) {
            text.append("\nDevelopers: ");
            identity.createUserQuery().memberOfGroup(Groups.DEVELOPMENT).list().forEach(user ->
                    text.append(user.getId()).append(" (").append(user.getFirstName()).append(' ')
                            .append(user.getLastName()).append(")  "));
            text.append('\n');
        }
        List<TimelineEntry> timeline = tickets.timeline(ticket.key(), true);
        text.append("\nDescription:\n").append(ticket.description()).append('\n');
        if (!timeline.isEmpty()) {
            text.append("\nLatest timeline:\n");
            timeline.subList(Math.max(0, timeline.size() - 5), timeline.size()).forEach(entry ->
                    text.append(entry.occurredAt()).append(' ').append(entry.actor()).append(": ")
                            .append(entry.message()).append('\n'));
        }
        return ProcessText.fit(text);
    }
}
