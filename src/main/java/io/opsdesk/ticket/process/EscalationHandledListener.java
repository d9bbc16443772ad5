package io.opsdesk.ticket.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.engine.ProcessValues;
import io.opsdesk.identity.TaskActor;
import io.opsdesk.ticket.TicketRecord;
import io.opsdesk.ticket.process.SupportTicketProcess.Beans;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/**
 * A supervisor handled an SLA breach: reassigned the ticket's open work ({@link Reassignment}), changed its
 * priority (the resolution due date and its timers move), or commented.
 */
@ProcessBean(Beans.ESCALATION_HANDLED)
class EscalationHandledListener implements TaskListener {

    private final TicketRecord record;
    private final Reassignment reassignment;
    private final ResolutionClock clock;

    EscalationHandledListener(TicketRecord record, Reassignment reassignment, ResolutionClock clock) {
        this.record = record;
        this.reassignment = reassignment;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        ProcessValues form = ProcessValues.of(task);
        String key = task.getExecution().getProcessBusinessKey();
        String action = form.requiredText(Variables.ESCALATION_ACTION);
        String comment = form.requiredText(Variables.ESCALATION_COMMENT);
        String what = switch (action) {
            case "REASSIGN" -> "reassigned to " + reassignment.reassign(task, form.requiredText(Variables.REASSIGN_TO).trim());
            case "REPRIORITISE" -> "priority changed to " + reprioritise(task, key, form.requiredText(Variables.NEW_PRIORITY));
            case "COMMENT" -> "commented";
            default -> throw new NotValidException(Variables.ESCALATION_ACTION + ": '" + action
                    + "' 不是 REASSIGN、REPRIORITISE、COMMENT 之一 / is not one of REASSIGN, REPRIORITISE, COMMENT");
        };
        record.escalationHandled(key, what, comment, TaskActor.of(task, "staff"));
    }

    private String reprioritise(DelegateTask task, String key, String priority) {
        if (!priority.matches("P[1-4]")) {
            throw new NotValidException(Variables.NEW_PRIORITY + ": '" + priority + "' 不是 P1、P2、P3、P4 之一 / is not one of P1, P2, P3, P4");
        }
        task.getExecution().setVariable(Variables.PRIORITY, priority);
        record.reprioritised(key, priority);
        clock.reprioritise(task.getProcessInstanceId(), key, priority);
        return priority;
    }
}
