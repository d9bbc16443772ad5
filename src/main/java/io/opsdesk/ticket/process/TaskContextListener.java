package io.opsdesk.ticket.process;

import io.opsdesk.engine.ProcessText;
import io.opsdesk.engine.ProcessBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

import io.opsdesk.identity.Groups;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.TicketRepository;
import io.opsdesk.ticket.TimelineEntry;

/**
 * Gives every user task of a ticket what a person needs in Tasklist: a name with the ticket key and
 * title, the ticket's context as a read-only text for the form, and the ticket's owning group and
 * assignee kept in step with the task.
 */
@ProcessBean("taskContext")
class TaskContextListener implements TaskListener {

    private final TicketRepository tickets;
    private final IdentityService identity;

    TaskContextListener(TicketRepository tickets, IdentityService identity) {
        this.tickets = tickets;
        this.identity = identity;
    }

    /** Side tasks about a ticket: they do not make their group or assignee the ticket's owner. */
    private static final java.util.Set<String> NOT_OWNING = java.util.Set.of(
            Elements.HANDLE_FIRST_RESPONSE_BREACH, Elements.HANDLE_RESOLUTION_BREACH);

    @Override
    public void notify(DelegateTask task) {
        String key = task.getExecution().getProcessBusinessKey();
        boolean owning = !NOT_OWNING.contains(task.getTaskDefinitionKey());
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            if (!owning) {
                return;
            }
            Map<String, Object> columns = new HashMap<>();
            columns.put("assignee", task.getAssignee());
            tickets.update(key, columns);
            return;
        }
        Ticket ticket = tickets.findByKey(key).orElseThrow();
        String activity = task.getExecution().getCurrentActivityName();
        task.setName(ticket.key() + " · " + activity + ": " + ticket.title());
        task.setDescription(ticket.type() + " on " + ticket.system() + " from " + ticket.customerName());
        task.setVariableLocal(Variables.TICKET_CONTEXT, context(ticket, task));
        String group = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).findFirst().orElse(null);
        if (owning) {
            Map<String, Object> columns = new HashMap<>();
            columns.put("owning_group", group);
            columns.put("assignee", task.getAssignee());
            tickets.update(key, columns);
        }
    }

    private String context(Ticket ticket, DelegateTask task) {
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
