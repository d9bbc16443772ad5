package io.opsdesk.ticket.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;

import io.opsdesk.domain.DomainException;
import io.opsdesk.engine.ProcessBean;
import io.opsdesk.identity.TaskActor;
import io.opsdesk.ticket.TicketRecord;
import io.opsdesk.ticket.process.SupportTicketProcess.Beans;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/** Triage completed: the form's decision ({@link TriageForm}) goes onto the ticket and its timeline. */
@ProcessBean(Beans.TRIAGED)
class TriageListener implements TaskListener {

    private final TicketRecord record;
    private final TriageForm form;
    private final ProblemLinkForm problem;

    TriageListener(TicketRecord record, TriageForm form, ProblemLinkForm problem) {
        this.record = record;
        this.form = form;
        this.problem = problem;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            record.triaged(task.getExecution().getProcessBusinessKey(), form.read(task), TaskActor.of(task, "staff"));
        } catch (DomainException refused) {
            throw new NotValidException(refused.field() + ": " + refused.getMessage());
        }
        problem.link(task);
        if (!task.getExecution().hasVariable(Variables.DEVELOPER)) {
            // ImplementFix is assigned to ${developer}: unset until a supervisor names one, the task stays in the queue
            task.getExecution().setVariable(Variables.DEVELOPER, null);
        }
    }
}
