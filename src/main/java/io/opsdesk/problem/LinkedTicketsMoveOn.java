package io.opsdesk.problem;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import io.opsdesk.ticket.Tickets;
import io.opsdesk.ticket.Visibility;
import io.opsdesk.ticket.process.SupportTicketProcess;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;

/**
 * A fixed problem's open linked tickets move on together: each one still waiting for resolution work (resolve in
 * support, assign a developer, implement or verify the fix) gets {@code ProblemFixed}, so it leaves its resolution
 * work with the problem's fix as its resolution and goes to delivery, which mails its customer. A ticket elsewhere
 * (in triage, waiting for the customer or a release, delivered, closed) is only noted.
 */
@Component
class LinkedTicketsMoveOn {

    static final String ACTOR = "OpsDesk";
    static final String[] WAITING = {Elements.RESOLVE_IN_SUPPORT, Elements.ASSIGN_DEVELOPER, Elements.IMPLEMENT_FIX,
            Elements.VERIFY_FIX};

    private final ProblemService problems;
    private final Tickets tickets;
    private final RuntimeService runtime;

    LinkedTicketsMoveOn(ProblemService problems, Tickets tickets, RuntimeService runtime) {
        this.problems = problems;
        this.tickets = tickets;
        this.runtime = runtime;
    }

    /** The keys of the tickets that moved on. */
    List<String> moveOn(String problemKey) {
        Problem problem = problems.get(problemKey);
        return problem.tickets().stream().map(Problem.LinkedTicket::key).filter(key -> moveOn(problem, key)).toList();
    }

    private boolean moveOn(Problem problem, String ticketKey) {
        boolean waits = runtime.createProcessInstanceQuery().processDefinitionKey(SupportTicketProcess.KEY)
                .processInstanceBusinessKey(ticketKey).activityIdIn(WAITING).count() > 0;
        if (!waits) {
            tickets.note(ticketKey, ACTOR, "PROBLEM", "Problem " + problem.key() + " is fixed; the ticket did not wait "
                    + "for resolution work and stays where it is", Visibility.INTERNAL);
            return false;
        }
        tickets.note(ticketKey, ACTOR, "PROBLEM", "Problem " + problem.key() + " is fixed: the ticket moves on to delivery",
                Visibility.INTERNAL);
        runtime.createMessageCorrelation(SupportTicketProcess.Messages.PROBLEM_FIXED)
                .processInstanceBusinessKey(ticketKey)
                .setVariable(SupportTicketProcess.Variables.PROBLEM_KEY, problem.key())
                .setVariable(SupportTicketProcess.Variables.PROBLEM_FIX, problem.fix())
                .correlateWithResult();
        return true;
    }
}
