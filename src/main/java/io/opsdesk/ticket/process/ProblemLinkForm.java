package io.opsdesk.ticket.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.stereotype.Component;

import io.opsdesk.domain.DomainException;
import io.opsdesk.engine.ProcessValues;
import io.opsdesk.identity.TaskActor;
import io.opsdesk.ticket.ProblemLinks;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/**
 * The optional problem link of the triage and resolve-in-support forms: a problem key, or "new" (with a title) for a
 * new problem on the ticket's system. The linked problem's key replaces what the form said; a refusal names the field.
 */
@Component
class ProblemLinkForm {

    private final ProblemLinks problems;

    ProblemLinkForm(ProblemLinks problems) {
        this.problems = problems;
    }

    void link(DelegateTask task) {
        ProcessValues form = ProcessValues.of(task);
        String reference = form.text(Variables.PROBLEM_KEY);
        if (reference == null) {
            return;
        }
        try {
            String key = problems.link(task.getExecution().getProcessBusinessKey(), reference,
                    form.text(Variables.PROBLEM_TITLE), TaskActor.of(task, "staff"));
            task.getExecution().setVariable(Variables.PROBLEM_KEY, key);
        } catch (DomainException refused) {
            throw new NotValidException(Variables.PROBLEM_KEY + ": " + refused.getMessage());
        }
    }
}
