package io.opsdesk.ticket.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import io.opsdesk.engine.DueDate;
import io.opsdesk.engine.ProcessBean;
import io.opsdesk.sla.SlaClock;
import io.opsdesk.sla.SlaClocks;
import io.opsdesk.sla.SlaStep;
import io.opsdesk.ticket.TicketSla;
import io.opsdesk.ticket.process.SupportTicketProcess.Beans;

/**
 * Due dates of the ladder for the BPMN's timers and task due dates, e.g. {@code ${slaDue.resolutionDue(execution)}}:
 * 75 % (warning), 100 % (due, the breach) and 150 % (escalation) of each clock's target on its business calendar.
 */
@ProcessBean(Beans.SLA_DUE)
public class SlaDue {

    private final TicketSla sla;
    private final SlaClocks clocks;

    SlaDue(TicketSla sla, SlaClocks clocks) {
        this.sla = sla;
        this.clocks = clocks;
    }

    @DueDate
    public Date firstResponseWarning(DelegateExecution execution) {
        return at(execution, SlaClock.FIRST_RESPONSE, SlaStep.WARNING);
    }

    @DueDate
    public Date firstResponseDue(DelegateExecution execution) {
        return at(execution, SlaClock.FIRST_RESPONSE, SlaStep.BREACH);
    }

    @DueDate
    public Date firstResponseEscalation(DelegateExecution execution) {
        return at(execution, SlaClock.FIRST_RESPONSE, SlaStep.ESCALATION);
    }

    @DueDate
    public Date resolutionWarning(DelegateExecution execution) {
        return at(execution, SlaClock.RESOLUTION, SlaStep.WARNING);
    }

    @DueDate
    public Date resolutionDue(DelegateExecution execution) {
        return at(execution, SlaClock.RESOLUTION, SlaStep.BREACH);
    }

    @DueDate
    public Date resolutionEscalation(DelegateExecution execution) {
        return at(execution, SlaClock.RESOLUTION, SlaStep.ESCALATION);
    }

    private Date at(DelegateExecution execution, SlaClock clock, SlaStep step) {
        return Date.from(clocks.dueAt(sla.state(execution.getProcessBusinessKey()), clock, step.percent()));
    }
}
