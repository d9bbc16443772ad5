package io.opsdesk.ticket.process;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.engine.TaskCandidates;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.TicketRecord;
import io.opsdesk.ticket.process.SupportTicketProcess.Beans;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/**
 * Gives every user task of a ticket what a person needs in Tasklist: a name with the ticket key and title, the
 * ticket's context for the form ({@link TaskContextText}), and the ticket's owning group and assignee kept in
 * step with the task (escalation tasks are about the ticket; they do not own it).
 */
@ProcessBean(Beans.TASK_CONTEXT)
class TaskContextListener implements TaskListener {

    private static final Set<String> NOT_OWNING = Set.of(Elements.HANDLE_FIRST_RESPONSE_BREACH, Elements.HANDLE_RESOLUTION_BREACH);

    private final TicketRecord record;
    private final TaskContextText context;

    TaskContextListener(TicketRecord record, TaskContextText context) {
        this.record = record;
        this.context = context;
    }

    @Override
    public void notify(DelegateTask task) {
        String key = task.getExecution().getProcessBusinessKey();
        boolean owning = !NOT_OWNING.contains(task.getTaskDefinitionKey());
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            if (owning) {
                record.assigned(key, task.getAssignee());
            }
            return;
        }
        Ticket ticket = record.get(key);
        task.setName(context.title(ticket, task.getExecution().getCurrentActivityName()));
        task.setDescription(context.description(ticket));
        task.setVariableLocal(Variables.TICKET_CONTEXT, context.of(ticket, task));
        if (owning) {
            record.ownedBy(key, TaskCandidates.groups(task.getCandidates()).stream().findFirst().orElse(null), task.getAssignee());
        }
    }
}
